package io.chaosfn.kubernetes.pod;

import static io.chaosfn.kubernetes.TestClusters.context;
import static io.chaosfn.kubernetes.TestClusters.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.kubernetes.GuardrailPolicy;
import io.chaosfn.kubernetes.RecordingAudit;
import io.chaosfn.kubernetes.TestClusters;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact requests terminate_pods makes, and its answers to injected API errors, on the fabric8 mock in
 * expectation mode. The client has fabric8's own retries off, so every retry seen here is {@code ApiCalls}'.
 */
@EnableKubernetesMockClient
class TerminatePodsRequestsTest {
  private static final String LIST_MASTER = "/api/v1/namespaces/default/pods?labelSelector=spilo-role%3Dmaster";
  private static final String LIST_WEB = "/api/v1/namespaces/shop/pods?labelSelector=app%3Dweb";

  KubernetesMockServer server;

  private KubernetesClient client;
  private final List<Duration> waits = new ArrayList<>();
  private final RecordingAudit audit = new RecordingAudit();

  @BeforeEach
  void createClient() {
    client = TestClusters.clientWithoutRetries(server);
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private TerminatePods activity(int concurrency) {
    return TerminatePods.terminatePods(
        TestClusters.support(client, waits, GuardrailPolicy.defaults(), concurrency));
  }

  private void expectPods(String path, String namespace, String label, String... names) {
    PodListBuilder list = new PodListBuilder();
    for (String name : names) {
      list.addToItems(TestClusters.pod(name, namespace, Map.of(label.split("=")[0], label.split("=")[1]),
          TestClusters.NOW));
    }
    server.expect().get().withPath(path).andReturn(200, list.build()).once();
  }

  private void expectDelete(String namespace, String name, int code, int times) {
    Object body = code == 200
        ? new StatusBuilder().withStatus("Success").withNewDetails().withName(name).withKind("pods").endDetails().build()
        : new StatusBuilder().withStatus("Failure").withCode(code).withMessage("injected " + code).build();
    server.expect().delete().withPath("/api/v1/namespaces/" + namespace + "/pods/" + name)
        .andReturn(code, body).times(times);
  }

  private List<String> requests() throws InterruptedException {
    return TestClusters.requests(server);
  }

  @Test
  void call_seedScenario_listsOnceWithServerSideSelectorThenDeletesOnce() throws InterruptedException {
    expectPods(LIST_MASTER, "default", "spilo-role=master", "frontend-db-0");
    expectDelete("default", "frontend-db-0", 200, 1);

    activity(8).call(json("{'label_selector': 'spilo-role=master', 'name_pattern': 'frontend-db-[0-9]$'}"),
        context(audit));

    assertThat(requests()).containsExactly("GET " + LIST_MASTER, "DELETE /api/v1/namespaces/default/pods/frontend-db-0");
  }

  @Test
  void call_listForbidden_namesTheMissingVerbAndResource() {
    server.expect().get().withPath(LIST_MASTER).andReturn(403,
        new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden").build()).once();

    assertThatThrownBy(() -> activity(8).call(json("{'label_selector': 'spilo-role=master'}"), context(audit)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageContaining("RBAC must grant verb 'list' on resource 'pods' (API group core) in namespace 'default'");
  }

  @Test
  void call_listUnauthorized_saysTheCredentialsWereRefused() {
    server.expect().get().withPath(LIST_MASTER).andReturn(401,
        new StatusBuilder().withStatus("Failure").withCode(401).build()).once();

    assertThatThrownBy(() -> activity(8).call(json("{'label_selector': 'spilo-role=master'}"), context(audit)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageContaining("did not accept the credentials (401 Unauthorized) to list pods in namespace 'default'");
  }

  @Test
  void call_podGoneBeforeDelete_namesThePodAndNamespace() {
    expectPods(LIST_MASTER, "default", "spilo-role=master", "frontend-db-0");
    expectDelete("default", "frontend-db-0", 404, 1);

    assertThatThrownBy(() -> activity(8).call(json("{'label_selector': 'spilo-role=master'}"), context(audit)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("pods 'frontend-db-0' was not found in namespace 'default' (404)");
  }

  @Test
  void call_deleteThrottledOnce_retriesAfterBackoffAndSucceeds() {
    expectPods(LIST_MASTER, "default", "spilo-role=master", "frontend-db-0");
    expectDelete("default", "frontend-db-0", 429, 1);
    expectDelete("default", "frontend-db-0", 200, 1);

    activity(8).call(json("{'label_selector': 'spilo-role=master'}"), context(audit));

    assertThat(waits).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void call_deleteConflictOnce_isRetried() {
    expectPods(LIST_MASTER, "default", "spilo-role=master", "frontend-db-0");
    expectDelete("default", "frontend-db-0", 409, 1);
    expectDelete("default", "frontend-db-0", 200, 1);

    assertThat(activity(8).call(json("{'label_selector': 'spilo-role=master'}"), context(audit))).hasSize(1);
  }

  @Test
  void call_serverErrorEveryTime_failsAfterTheBoundedAttempts() {
    expectPods(LIST_MASTER, "default", "spilo-role=master", "frontend-db-0");
    expectDelete("default", "frontend-db-0", 500, 3);

    assertThatThrownBy(() -> activity(8).call(json("{'label_selector': 'spilo-role=master'}"), context(audit)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("delete pods 'frontend-db-0' in namespace 'default' failed with HTTP 500: injected 500 after 3 attempts");
    assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void call_deleteFailsMidway_startsNoFurtherDelete() throws InterruptedException {
    expectPods(LIST_WEB, "shop", "app=web", "web-0", "web-1", "web-2");
    expectDelete("shop", "web-0", 200, 1);
    expectDelete("shop", "web-1", 403, 1);
    expectDelete("shop", "web-2", 200, 1);

    assertThatThrownBy(() -> activity(1).call(json("{'label_selector': 'app=web', 'ns': 'shop', 'all': true}"),
        context(audit)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageContaining("verb 'delete' on resource 'pods'");

    assertThat(requests()).doesNotContain("DELETE /api/v1/namespaces/shop/pods/web-2");
  }
}
