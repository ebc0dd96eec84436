package io.chaosfn.kubernetes.event;

import static io.chaosfn.kubernetes.TestClusters.context;
import static io.chaosfn.kubernetes.TestClusters.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.kubernetes.RecordingAudit;
import io.chaosfn.kubernetes.TestClusters;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code get_events} (chaostoolkit-semantics §5.6) on the fabric8 mock in CRUD mode, with events in two
 * namespaces. The mock's CRUD mode ignores {@code limit} and calls its list {@code List} where the API server
 * says {@code EventList}, so the limit is checked on the request it receives and the kind not at all; an
 * expectation (which the mock answers before its CRUD store) injects the 403.
 */
@EnableKubernetesMockClient(crud = true)
class EventProbesTest {
  KubernetesMockServer server;

  private KubernetesClient client;
  private final RecordingAudit audit = new RecordingAudit();

  @BeforeEach
  void seedEvents() {
    client = TestClusters.clientWithoutRetries(server);
    create("default", "frontend-db-0.killed", "Killing", "frontend-db");
    create("shop", "web-0.pulled", "Pulled", "web");
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private void create(String namespace, String name, String reason, String app) {
    client.events().v1().events().inNamespace(namespace).resource(new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).addToLabels("app", app).endMetadata()
        .withReason(reason).withNote(reason + " " + name).withType("Normal").withAction(reason)
        .withEventTime(new io.fabric8.kubernetes.api.model.MicroTime("2025-06-02T09:59:00.000000Z"))
        .withReportingController("kubelet").withReportingInstance("node-a")
        .build()).create();
  }

  private JsonNode call(String arguments) {
    return new EventProbes(TestClusters.support(client, new ArrayList<>())).activities().get(0)
        .call(json(arguments), context(audit));
  }

  private List<String> requests() throws InterruptedException {
    return TestClusters.requests(server);
  }

  @Test
  void getEvents_noArguments_returnsTheEventsOfEveryNamespaceAsTheApiWritesThem() {
    JsonNode output = call("{}");

    assertThat(output.get("items").values()).extracting(e -> e.get("metadata").get("name").asString())
        .containsExactlyInAnyOrder("frontend-db-0.killed", "web-0.pulled");
    assertThat(output.get("items").get(0).has("reason")).isTrue();
  }

  @Test
  void getEvents_labelSelectorGiven_returnsOnlyMatchingEvents() {
    JsonNode output = call("{'label_selector': 'app=web'}");

    assertThat(output.get("items").values()).extracting(e -> e.get("reason").asString())
        .containsExactly("Pulled");
  }

  @Test
  void getEvents_defaultLimit_asksTheApiForAtMost100() throws InterruptedException {
    requests();

    call("{}");

    assertThat(requests()).containsExactly("GET /apis/events.k8s.io/v1/events?limit=100");
  }

  @Test
  void getEvents_limitAndSelectorGiven_sendsBoth() throws InterruptedException {
    requests();

    call("{'label_selector': 'app=web', 'limit': 5}");

    assertThat(requests()).containsExactly("GET /apis/events.k8s.io/v1/events?labelSelector=app%3Dweb&limit=5");
  }

  @Test
  void getEvents_forbidden_failsNamingTheClusterWideListVerb() {
    server.expect().get().withPath("/apis/events.k8s.io/v1/events?limit=100")
        .andReturn(403, new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden").build())
        .once();

    assertThatThrownBy(() -> call("{}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageStartingWith("forbidden (403): RBAC must grant verb 'list' on resource 'events' "
            + "(API group events.k8s.io)");
  }
}
