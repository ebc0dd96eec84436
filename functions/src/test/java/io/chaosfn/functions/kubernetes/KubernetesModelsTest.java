package io.chaosfn.functions.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The functions' classpath leaves most kubernetes-model modules out (functions/pom.xml, decisions.md §6): the
 * kinds the activities read still deserialise by apiVersion and kind (fabric8's model scan), and the client DSL
 * the activities call still links. No request is sent.
 */
class KubernetesModelsTest {
  private final KubernetesSerialization serialization = new KubernetesSerialization();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "v1|Pod|io.fabric8.kubernetes.api.model.Pod",
      "v1|PodList|io.fabric8.kubernetes.api.model.PodList",
      "v1|Service|io.fabric8.kubernetes.api.model.Service",
      "v1|Event|io.fabric8.kubernetes.api.model.Event",
      "apps/v1|Deployment|io.fabric8.kubernetes.api.model.apps.Deployment",
      "apps/v1|StatefulSet|io.fabric8.kubernetes.api.model.apps.StatefulSet",
      "events.k8s.io/v1|EventList|io.fabric8.kubernetes.api.model.events.v1.EventList"})
  void unmarshal_kindTheActivitiesRead_givesItsModelClass(String apiVersion, String kind, String type) {
    String json = "{\"apiVersion\": \"" + apiVersion + "\", \"kind\": \"" + kind
        + "\", \"metadata\": {\"name\": \"x\", \"namespace\": \"db\"}}";

    KubernetesResource resource = serialization.unmarshal(json);

    assertThat(resource.getClass().getName()).isEqualTo(type);
  }

  @Test
  void unmarshal_podList_keepsItsPods() {
    String json = """
        {"apiVersion": "v1", "kind": "PodList", "items": [
          {"metadata": {"name": "db-0", "labels": {"app": "db"}}, "status": {"phase": "Running"}},
          {"metadata": {"name": "db-1"}}]}""";

    PodList pods = serialization.unmarshal(json, PodList.class);

    assertThat(pods.getItems()).extracting(pod -> pod.getMetadata().getName()).containsExactly("db-0", "db-1");
    assertThat(pods.getItems().get(0).getStatus().getPhase()).isEqualTo("Running");
  }

  @Test
  void client_dslTheActivitiesCall_links() {
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl("https://127.0.0.1:1").build();

    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      assertThat(client.pods().inNamespace("db").withName("db-0")).isNotNull();
      assertThat(client.services().inNamespace("db").withName("db")).isNotNull();
      assertThat(client.apps().deployments().inNamespace("db").withName("db")).isNotNull();
      assertThat(client.apps().statefulSets().inNamespace("db").withName("db")).isNotNull();
      assertThat(client.events().v1().events().inAnyNamespace()).isNotNull();
      assertThat(client.resource(new Pod())).isNotNull();
      assertThat(client.resource(new Deployment())).isNotNull();
      assertThat(client.resource(new StatefulSet())).isNotNull();
      assertThat(client.resource(new Service())).isNotNull();
    }
  }

  /**
   * The operations' method signatures name model classes (a Deployment's {@code scale} returns an autoscaling
   * {@code Scale}, a Pod's {@code evict} takes a policy {@code Eviction}); the JVM resolves them all when a list
   * call reflects on its operation, so a model module left out breaks the call with {@code NoClassDefFoundError}
   * (found by the sandbox's seed story). Reflecting here resolves them without a server.
   */
  @Test
  void client_operationsTheActivitiesCall_resolveEveryTypeTheyName() {
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl("https://127.0.0.1:1").build();

    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      for (Object operation : java.util.List.of(client.pods().inNamespace("db"), client.services().inNamespace("db"),
          client.apps().deployments().inNamespace("db"), client.apps().statefulSets().inNamespace("db"),
          client.events().v1().events().inAnyNamespace(), client.pods().inNamespace("db").withName("db-0"),
          client.apps().deployments().inNamespace("db").withName("db"))) {
        for (Class<?> type = operation.getClass(); type != Object.class; type = type.getSuperclass()) {
          assertThat(type.getDeclaredMethods()).isNotNull();
        }
      }
    }
  }
}
