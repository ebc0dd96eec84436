package io.chaosfn.kubernetes;

import io.chaosfn.activity.ActivityContext;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/** Shared fixtures for the chaosk8s activity tests: the seed scenario, a fast retry budget, contexts. */
public final class TestClusters {
  public static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TestClusters() {}

  /** A client on {@code server} with fabric8's own retries off, as {@link ClusterClients} builds them. */
  public static KubernetesClient clientWithoutRetries(KubernetesMockServer server) {
    return new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder(server.createClient().getConfiguration())
            .withRequestRetryBackoffLimit(0).build())
        .build();
  }

  /** The requests {@code server} received since the last call, as {@code "METHOD /path?query"}, oldest first. */
  public static List<String> requests(KubernetesMockServer server) throws InterruptedException {
    List<String> lines = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      lines.add(request.getMethod() + " " + request.getPath());
    }
    return lines;
  }

  /** Support with the default policy, three attempts and no real waiting between them. */
  public static KubernetesSupport support(KubernetesClient client, List<Duration> waits) {
    return support(client, waits, GuardrailPolicy.defaults(), KubernetesSupport.DEFAULT_DELETE_CONCURRENCY);
  }

  public static KubernetesSupport support(
      KubernetesClient client, List<Duration> waits, GuardrailPolicy policy, int deleteConcurrency) {
    ApiCalls calls = new ApiCalls(3, Duration.ofMillis(100), Duration.ofMillis(400), waits::add);
    return new KubernetesSupport((secrets, env) -> client, calls, policy, new Random(7), deleteConcurrency);
  }

  public static ActivityContext context(RecordingAudit audit) {
    return context(audit, MissingNode.getInstance());
  }

  public static ActivityContext context(RecordingAudit audit, JsonNode extension) {
    return new ActivityContext(JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode(),
        Map.of(), audit, CLOCK, extension, false);
  }

  /** Parses a JSON literal written with single quotes. */
  public static ObjectNode json(String singleQuoted) {
    return (ObjectNode) JSON.readTree(singleQuoted.replace('\'', '"'));
  }

  /**
   * The seed scenario: Deployment {@code frontend-app} and the Patroni pods {@code frontend-db-0} (master) and
   * {@code frontend-db-1} (replica) in {@code default}.
   */
  public static void seedScenario(KubernetesClient client) {
    client.apps().deployments().inNamespace("default").resource(deployment("frontend-app", 2, 2)).create();
    client.pods().inNamespace("default").resource(pod("frontend-db-0", "default",
        Map.of("application", "spilo", "spilo-role", "master"), NOW.minus(Duration.ofHours(3)))).create();
    client.pods().inNamespace("default").resource(pod("frontend-db-1", "default",
        Map.of("application", "spilo", "spilo-role", "replica"), NOW.minus(Duration.ofHours(5)))).create();
  }

  /** {@code count} pods {@code prefix-<i>} labelled {@code app=<prefix>}, the i-th created i minutes before NOW. */
  public static List<Pod> seedPods(KubernetesClient client, String namespace, String prefix, int count) {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Pod pod = pod(prefix + "-" + i, namespace, Map.of("app", prefix), NOW.minus(Duration.ofMinutes(i)));
      pods.add(client.pods().inNamespace(namespace).resource(pod).create());
    }
    return pods;
  }

  public static Pod pod(String name, String namespace, Map<String, String> labels, Instant created) {
    return new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
        .withUid("uid-" + name).withCreationTimestamp(created.toString()).endMetadata()
        .withNewSpec().withNodeName("node-a").addNewContainer().withName("main").withImage("busybox").endContainer()
        .endSpec()
        .withNewStatus().withPhase("Running").endStatus()
        .build();
  }

  public static Deployment deployment(String name, int replicas, Integer available) {
    return new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace("default").addToLabels("app", name).endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage("nginx").endContainer().endSpec()
        .endTemplate().endSpec()
        .withNewStatus().withReplicas(replicas).withAvailableReplicas(available).withReadyReplicas(available)
        .endStatus()
        .build();
  }
}
