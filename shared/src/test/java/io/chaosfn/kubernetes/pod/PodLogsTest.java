package io.chaosfn.kubernetes.pod;

import static io.chaosfn.kubernetes.TestClusters.context;
import static io.chaosfn.kubernetes.TestClusters.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.kubernetes.RecordingAudit;
import io.chaosfn.kubernetes.TestClusters;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodListBuilder;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code read_pod_logs} and the {@code should_be_found_in_logs} tolerance (chaostoolkit-semantics §5.4) on the
 * fabric8 mock in expectation mode: its CRUD mode serves no logs, so each test states the exact list and log
 * requests it expects. fabric8 reads the pod itself (by {@code metadata.name} field selector) before its log, so
 * that request is expected too.
 */
@EnableKubernetesMockClient
class PodLogsTest {
  private static final String NAME_IN_WEB = "labelSelector=name%20in%20%28web%29";

  KubernetesMockServer server;

  private KubernetesClient client;
  private final RecordingAudit audit = new RecordingAudit();

  @BeforeEach
  void createClient() {
    client = TestClusters.clientWithoutRetries(server);
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private JsonNode call(String func, String arguments) {
    NativeActivity activity = new PodLogs(TestClusters.support(client, new ArrayList<>())).activities().stream()
        .filter(a -> a.func().equals(func)).findFirst().orElseThrow();
    return activity.call(json(arguments), context(audit));
  }

  private List<String> requests() throws InterruptedException {
    return TestClusters.requests(server);
  }

  private void expectPods(String labelSelectorQuery, String... names) {
    PodListBuilder list = new PodListBuilder();
    for (String name : names) {
      Pod pod = TestClusters.pod(name, "default", Map.of("name", "web", "app", "web"), TestClusters.NOW);
      list.addToItems(pod);
      server.expect().get().withPath("/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3D" + name)
          .andReturn(200, new PodListBuilder().addToItems(pod).build()).always();
    }
    server.expect().get().withPath("/api/v1/namespaces/default/pods?" + labelSelectorQuery)
        .andReturn(200, list.build()).once();
  }

  private void expectLog(String name, String query, String log) {
    server.expect().get().withPath("/api/v1/namespaces/default/pods/" + name + "/log?pretty=false" + query)
        .andReturn(200, log).once();
  }

  @Test
  void readPodLogs_nameOnly_returnsEachPodsTimestampedLogByPodName() {
    expectPods(NAME_IN_WEB, "web-0", "web-1");
    expectLog("web-0", "&timestamps=true", "2025-06-02T09:59:00Z started\n");
    expectLog("web-1", "&timestamps=true", "2025-06-02T09:59:01Z ready\n");

    JsonNode output = call("read_pod_logs", "{'name': 'web'}");

    assertThat(output).isEqualTo(json("{'web-0': '2025-06-02T09:59:00Z started\\n', "
        + "'web-1': '2025-06-02T09:59:01Z ready\\n'}"));
  }

  @Test
  void readPodLogs_nameOnly_listsWithChaosToolkitsDefaultSetBasedSelector() throws InterruptedException {
    expectPods(NAME_IN_WEB, "web-0");
    expectLog("web-0", "&timestamps=true", "line");

    call("read_pod_logs", "{'name': 'web'}");

    assertThat(requests()).first().isEqualTo("GET /api/v1/namespaces/default/pods?" + NAME_IN_WEB);
  }

  @Test
  void readPodLogs_lastTenMinutes_asksForTheLast600Seconds() throws InterruptedException {
    expectPods(NAME_IN_WEB, "web-0");
    expectLog("web-0", "&sinceSeconds=600&timestamps=true", "line");

    call("read_pod_logs", "{'name': 'web', 'last': '10 minutes'}");

    assertThat(requests()).contains(
        "GET /api/v1/namespaces/default/pods/web-0/log?pretty=false&sinceSeconds=600&timestamps=true");
  }

  @Test
  void readPodLogs_containerNameGiven_readsThatContainer() {
    expectPods(NAME_IN_WEB, "web-0");
    expectLog("web-0", "&container=sidecar&timestamps=true", "sidecar line");

    JsonNode output = call("read_pod_logs", "{'name': 'web', 'container_name': 'sidecar'}");

    assertThat(output.get("web-0").asString()).isEqualTo("sidecar line");
  }

  @Test
  void readPodLogs_fromPrevious_readsThePreviousContainersLog() {
    expectPods(NAME_IN_WEB, "web-0");
    expectLog("web-0", "&previous=true&timestamps=true", "before the crash");

    JsonNode output = call("read_pod_logs", "{'name': 'web', 'from_previous': true}");

    assertThat(output.get("web-0").asString()).isEqualTo("before the crash");
  }

  @Test
  void readPodLogs_labelSelectorGiven_listsWithIt() {
    expectPods("labelSelector=app%3Dweb", "web-0");
    expectLog("web-0", "&timestamps=true", "line");

    JsonNode output = call("read_pod_logs", "{'label_selector': 'app=web'}");

    assertThat(output.propertyNames()).containsExactly("web-0");
  }

  @Test
  void readPodLogs_noPodMatches_returnsAnEmptyObject() {
    expectPods(NAME_IN_WEB);

    JsonNode output = call("read_pod_logs", "{'name': 'web'}");

    assertThat(output.isObject()).isTrue();
    assertThat(output.isEmpty()).isTrue();
  }

  @Test
  void readPodLogs_lastNotADelta_failsNamingTheArgument() {
    assertThatThrownBy(() -> call("read_pod_logs", "{'name': 'web', 'last': 'yesterday'}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("argument 'last' of read_pod_logs must be a delta such as '10 minutes' or '35s', "
            + "found 'yesterday'");
  }

  @ParameterizedTest
  @CsvSource({"35s, 35", "10 minutes, 600", "1 hour ago, 3600", "2 days, 172800", "5 MIN, 300"})
  void parseLast_humanDelta_isThatManySeconds(String last, long seconds) {
    assertThat(PodLogs.parseLast(last)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @Test
  void shouldBeFoundInLogs_patternInEveryPodsLog_returnsTrue() {
    JsonNode output = call("should_be_found_in_logs", "{'pattern': 'ready|started', "
        + "'value': {'web-0': 'app started', 'web-1': 'app ready'}}");

    assertThat(output.asBoolean()).isTrue();
  }

  @Test
  void shouldBeFoundInLogs_patternMissingFromOnePod_returnsFalse() {
    JsonNode output = call("should_be_found_in_logs", "{'pattern': 'ready', "
        + "'value': {'web-0': 'app ready', 'web-1': 'app crashed'}}");

    assertThat(output.asBoolean()).isFalse();
  }

  @Test
  void shouldBeFoundInLogs_notAllContainersAndOnePodMatches_returnsTrue() {
    JsonNode output = call("should_be_found_in_logs", "{'pattern': 'ready', 'all_containers': false, "
        + "'value': {'web-0': 'app crashed', 'web-1': 'app ready'}}");

    assertThat(output.asBoolean()).isTrue();
  }

  @Test
  void shouldBeFoundInLogs_notAllContainersAndNoPodMatches_returnsFalse() {
    JsonNode output = call("should_be_found_in_logs", "{'pattern': 'ready', 'all_containers': false, "
        + "'value': {'web-0': 'app crashed'}}");

    assertThat(output.asBoolean()).isFalse();
  }

  @Test
  void shouldBeFoundInLogs_noLogs_returnsFalse() {
    JsonNode output = call("should_be_found_in_logs", "{'pattern': 'ready', 'value': {}}");

    assertThat(output.asBoolean()).isFalse();
  }
}
