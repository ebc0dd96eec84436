package io.chaosfn.kubernetes;

import static io.chaosfn.kubernetes.TestClusters.context;
import static io.chaosfn.kubernetes.TestClusters.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.activity.NativeActivity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs every registered chaosk8s activity against the fabric8 mock API server (CRUD mode), records each request
 * it makes, and checks that {@code infrastructure/kubernetes/role.yaml} grants it (cluster-wide requests: the
 * ClusterRole in {@code clusterrole.yaml}). Whether an activity succeeds on the mock does not matter here, only
 * what it asked for.
 */
@EnableKubernetesMockClient(crud = true)
class RbacCoverageTest {
  private static final Path INFRA = Path.of("..", "infrastructure", "kubernetes");
  private static final Pattern PATH = Pattern.compile(
      "/(?:api/v1|apis/([^/]+)/[^/]+)(?:/namespaces/([^/]+))?/([^/?]+)(?:/([^/?]+))?(?:/([^/?]+))?(\\?.*)?");
  private static final Map<String, String> ARGUMENTS = Map.ofEntries(
      Map.entry("terminate_pods", "{'label_selector': 'spilo-role=master'}"),
      Map.entry("delete_pods", "{'name': 'frontend-db-1'}"),
      Map.entry("pods_in_phase", "{'label_selector': 'application=spilo'}"),
      Map.entry("pods_not_in_phase", "{'label_selector': 'application=spilo', 'raise_on_in_phase': false}"),
      Map.entry("pods_in_conditions", "{'label_selector': 'application=spilo', 'conditions': [], "
          + "'raise_on_invalid_conditions': false}"),
      Map.entry("count_pods", "{'label_selector': 'application=spilo'}"),
      Map.entry("count_min_pods", "{'label_selector': 'application=spilo'}"),
      Map.entry("pod_is_not_available", "{'name': 'frontend-db', 'raise_on_is_available': false}"),
      Map.entry("all_pods_healthy", "{'raise_on_any_unhealthy': false}"),
      Map.entry("read_pod_logs", "{'label_selector': 'application=spilo', 'last': '1 minute'}"),
      Map.entry("should_be_found_in_logs", "{'pattern': 'ready', 'value': {'a': 'ready'}}"),
      Map.entry("deployment_available_and_healthy", "{'name': 'frontend-app'}"),
      Map.entry("deployment_partially_available", "{'name': 'frontend-app'}"),
      Map.entry("deployment_fully_available", "{'name': 'frontend-app', 'timeout': 1}"),
      Map.entry("deployment_not_fully_available", "{'name': 'frontend-app', 'timeout': 1}"),
      Map.entry("scale_deployment", "{'name': 'frontend-app', 'replicas': 3}"),
      Map.entry("rollout_deployment", "{'name': 'frontend-app'}"),
      Map.entry("delete_deployment", "{'name': 'frontend-app'}"),
      Map.entry("microservice_available_and_healthy", "{'name': 'frontend-app'}"),
      Map.entry("deployment_is_fully_available", "{'name': 'frontend-app', 'timeout': 1}"),
      Map.entry("deployment_is_not_fully_available", "{'name': 'frontend-app', 'timeout': 1}"),
      Map.entry("scale_microservice", "{'name': 'frontend-app', 'replicas': 1}"),
      Map.entry("kill_microservice", "{'name': 'frontend-app'}"),
      Map.entry("scale_statefulset", "{'name': 'frontend-db', 'replicas': 2}"),
      Map.entry("statefulset_fully_available", "{'name': 'frontend-db', 'timeout': 1}"),
      Map.entry("statefulset_not_fully_available", "{'name': 'frontend-db', 'timeout': 1}"),
      Map.entry("service_is_initialized", "{'name': 'frontend'}"),
      Map.entry("get_events", "{'limit': 5}"));

  KubernetesClient client;
  KubernetesMockServer server;

  /** A request in RBAC terms; namespace null = cluster-wide. */
  private record Access(String group, String resource, String verb, String namespace) {}

  private void seed() {
    TestClusters.seedScenario(client);
    client.apps().statefulSets().inNamespace("default").resource(new StatefulSetBuilder()
        .withNewMetadata().withName("frontend-db").endMetadata()
        .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("application", "spilo").endSelector()
        .endSpec().build()).create();
    client.pods().inNamespace("default").resource(TestClusters.pod("frontend-db-2", "default",
        Map.of("application", "spilo", "spilo-role", "replica"), TestClusters.NOW)).create();
    client.apps().replicaSets().inNamespace("default").resource(new ReplicaSetBuilder()
        .withNewMetadata().withName("frontend-app-7d9c8").addToLabels("name", "frontend-app").endMetadata()
        .build()).create();
    client.services().inNamespace("default").resource(new ServiceBuilder()
        .withNewMetadata().withName("frontend").endMetadata().build()).create();
  }

  private List<Access> runEveryActivity() throws InterruptedException {
    KubernetesActivities activities = new KubernetesActivities(TestClusters.support(client, new ArrayList<>()));
    while (server.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
      // drop the seeding requests
    }
    for (NativeActivity activity : activities.activities()) {
      assertThat(ARGUMENTS).as("arguments for %s", activity.func()).containsKey(activity.func());
      try {
        activity.call(json(ARGUMENTS.get(activity.func())), context(new RecordingAudit()));
      } catch (ActivityFailedException e) {
        // the mock answers some requests (logs, watches that time out) differently from a cluster; the request
        // was still made, which is all this test looks at
      }
    }
    List<Access> accesses = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
      accesses.add(access(request.getMethod(), request.getPath()));
    }
    return accesses;
  }

  private static Access access(String method, String path) {
    Matcher m = PATH.matcher(path);
    assertThat(m.matches()).as("an API path: %s", path).isTrue();
    String group = m.group(1) == null ? "" : m.group(1);
    String resource = m.group(5) == null ? m.group(3) : m.group(3) + "/" + m.group(5);
    boolean named = m.group(4) != null;
    String query = m.group(6) == null ? "" : m.group(6);
    String verb;
    switch (method) {
      case "GET":
        verb = query.contains("watch=true") ? "watch" : named ? "get" : "list";
        break;
      case "DELETE":
        verb = named ? "delete" : "deletecollection";
        break;
      case "PATCH":
        verb = "patch";
        break;
      case "PUT":
        verb = "update";
        break;
      default:
        verb = "create";
    }
    return new Access(group, resource, verb, m.group(2));
  }

  @SuppressWarnings("unchecked")
  private static Set<String> grants(String file, String kind) throws IOException {
    Set<String> grants = new TreeSet<>();
    try (Reader reader = Files.newBufferedReader(INFRA.resolve(file))) {
      for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
        Map<String, Object> object = (Map<String, Object>) document;
        if (!kind.equals(object.get("kind"))) {
          continue;
        }
        for (Map<String, Object> rule : (List<Map<String, Object>>) object.get("rules")) {
          for (String group : (List<String>) rule.get("apiGroups")) {
            for (String resource : (List<String>) rule.get("resources")) {
              for (String verb : (List<String>) rule.get("verbs")) {
                grants.add(group + "|" + resource + "|" + verb);
              }
            }
          }
        }
      }
    }
    return grants;
  }

  private static String key(Access access) {
    return access.group() + "|" + access.resource() + "|" + access.verb();
  }

  @Test
  void role_everyNamespacedRequestOfEveryActivity_isGranted() throws Exception {
    seed();
    Set<String> role = grants("role.yaml", "Role");

    List<Access> namespaced = runEveryActivity().stream().filter(a -> a.namespace() != null).toList();

    assertThat(namespaced).isNotEmpty();
    assertThat(namespaced).allSatisfy(a -> assertThat(role).as("Role grants %s", a).contains(key(a)));
  }

  @Test
  void clusterRole_everyRequestOfEveryActivity_isGranted() throws Exception {
    seed();
    Set<String> clusterRole = grants("clusterrole.yaml", "ClusterRole");

    List<Access> all = runEveryActivity();

    assertThat(all).anySatisfy(a -> assertThat(a.namespace()).isNull());
    assertThat(all).allSatisfy(a -> assertThat(clusterRole).as("ClusterRole grants %s", a).contains(key(a)));
  }

  @Test
  void role_grantsNothingTheActivitiesDoNotUse() throws Exception {
    seed();
    Set<String> role = grants("role.yaml", "Role");

    Set<String> used = new TreeSet<>();
    runEveryActivity().forEach(a -> used.add(key(a)));

    assertThat(used).containsAll(role);
  }
}
