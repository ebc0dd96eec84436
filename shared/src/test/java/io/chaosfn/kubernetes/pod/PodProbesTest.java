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
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The phase and condition probes of {@code chaosk8s.pod.probes} (chaostoolkit-semantics §5.4) on the fabric8 mock
 * in CRUD mode. The mock answers a {@code status.phase} field selector with nothing and ignores set-based label
 * selectors ({@code name in (web)}) altogether; the probes filter phases and labels client-side, which these
 * tests rely on: pods outside the selector or in another phase are seeded next to the ones that count.
 */
@EnableKubernetesMockClient(crud = true)
class PodProbesTest {
  KubernetesClient client;

  private final RecordingAudit audit = new RecordingAudit();

  private JsonNode call(String func, String arguments) {
    NativeActivity activity = new PodProbes(TestClusters.support(client, new ArrayList<>())).activities().stream()
        .filter(a -> a.func().equals(func)).findFirst().orElseThrow();
    return activity.call(json(arguments), context(audit));
  }

  private void create(String name, Map<String, String> labels, String phase, String... trueConditions) {
    Pod pod = TestClusters.pod(name, "default", labels, TestClusters.NOW);
    pod.getStatus().setPhase(phase);
    for (String type : trueConditions) {
      pod.getStatus().getConditions().add(new PodConditionBuilder().withType(type).withStatus("True").build());
    }
    client.pods().inNamespace("default").resource(pod).create();
  }

  private void web(String name, String phase, String... trueConditions) {
    create(name, Map.of("app", "web", "name", "web"), phase, trueConditions);
  }

  @Test
  void podsInPhase_everyPodRunning_returnsTrue() {
    web("web-0", "Running");
    web("web-1", "Running");
    create("other-0", Map.of("app", "other"), "Pending");

    JsonNode output = call("pods_in_phase", "{'label_selector': 'app=web'}");

    assertThat(output.asBoolean()).isTrue();
  }

  @Test
  void podsInPhase_onePodPending_failsWithChaosToolkitMessage() {
    web("web-0", "Running");
    web("web-1", "Pending");

    assertThatThrownBy(() -> call("pods_in_phase", "{'label_selector': 'app=web'}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("pod 'app=web' is in phase 'Pending' but should be 'Running'");
  }

  @Test
  void podsInPhase_onePodPendingWithoutRaise_returnsFalse() {
    web("web-0", "Pending");

    JsonNode output = call("pods_in_phase", "{'label_selector': 'app=web', 'raise_on_invalid_phase': false}");

    assertThat(output.asBoolean()).isFalse();
  }

  @Test
  void podsInPhase_noPodMatches_failsWithChaosToolkitMessage() {
    web("web-0", "Running");

    assertThatThrownBy(() -> call("pods_in_phase", "{'label_selector': 'app=ghost'}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("no pods 'app=ghost' were found");
  }

  @Test
  void podsInPhase_noPodMatchesWithoutRaise_returnsFalse() {
    JsonNode output = call("pods_in_phase", "{'label_selector': 'app=ghost', 'raise_on_invalid_phase': false}");

    assertThat(output.asBoolean()).isFalse();
  }

  @Test
  void podsInPhase_phaseGiven_comparesWithThatPhase() {
    web("web-0", "Succeeded");

    JsonNode output = call("pods_in_phase", "{'label_selector': 'app=web', 'phase': 'Succeeded'}");

    assertThat(output.asBoolean()).isTrue();
  }

  @Test
  void podsNotInPhase_noPodRunning_returnsTrue() {
    web("web-0", "Pending");
    create("other-0", Map.of("app", "other"), "Running");

    JsonNode output = call("pods_not_in_phase", "{'label_selector': 'app=web'}");

    assertThat(output.asBoolean()).isTrue();
  }

  @Test
  void podsNotInPhase_onePodRunning_failsWithChaosToolkitMessage() {
    web("web-0", "Pending");
    web("web-1", "Running");

    assertThatThrownBy(() -> call("pods_not_in_phase", "{'label_selector': 'app=web'}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("pod 'app=web' should not be in phase 'Running'");
  }

  @Test
  void podsNotInPhase_onePodRunningWithoutRaise_returnsFalse() {
    web("web-0", "Running");

    JsonNode output = call("pods_not_in_phase", "{'label_selector': 'app=web', 'raise_on_in_phase': false}");

    assertThat(output.asBoolean()).isFalse();
  }

  @Test
  void podsNotInPhase_noPodMatches_failsWithChaosToolkitMessage() {
    assertThatThrownBy(() -> call("pods_not_in_phase", "{'label_selector': 'app=ghost'}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("no pods 'app=ghost' were found");
  }

  @Test
  void podsInConditions_everyPodHasEveryCondition_returnsTrue() {
    web("web-0", "Running", "Ready", "Initialized");
    web("web-1", "Running", "Ready", "Initialized");

    JsonNode output = call("pods_in_conditions", "{'label_selector': 'app=web', 'conditions': "
        + "[{'type': 'Ready', 'status': 'True'}, {'type': 'Initialized', 'status': 'True'}]}");

    assertThat(output.asBoolean()).isTrue();
  }

  @Test
  void podsInConditions_onePodNotReady_failsNamingThePodAndTheCondition() {
    web("web-0", "Running", "Ready");
    web("web-1", "Running", "Initialized");

    assertThatThrownBy(() -> call("pods_in_conditions", "{'label_selector': 'app=web', 'conditions': "
        + "[{'type': 'Ready', 'status': 'True'}]}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("pod web-1 does not match the following given condition: {'type': 'Ready', 'status': 'True'}");
  }

  @Test
  void podsInConditions_onePodNotReadyWithoutRaise_returnsFalse() {
    web("web-0", "Running", "Initialized");

    JsonNode output = call("pods_in_conditions", "{'label_selector': 'app=web', 'conditions': "
        + "[{'type': 'Ready', 'status': 'True'}], 'raise_on_invalid_conditions': false}");

    assertThat(output.asBoolean()).isFalse();
  }

  @Test
  void podsInConditions_conditionsNotAList_failsNamingTheArgument() {
    web("web-0", "Running", "Ready");

    assertThatThrownBy(() -> call("pods_in_conditions", "{'label_selector': 'app=web', 'conditions': 'Ready'}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageStartingWith("argument 'conditions' of pods_in_conditions must be a list");
  }

  @Test
  void countPods_noPhase_countsEveryMatchingPod() {
    web("web-0", "Running");
    web("web-1", "Pending");
    create("other-0", Map.of("app", "other"), "Running");

    JsonNode output = call("count_pods", "{'label_selector': 'app=web'}");

    assertThat(output.asInt()).isEqualTo(2);
  }

  @Test
  void countPods_phaseGiven_countsOnlyPodsInThatPhase() {
    web("web-0", "Running");
    web("web-1", "Pending");
    web("web-2", "Running");

    JsonNode output = call("count_pods", "{'label_selector': 'app=web', 'phase': 'Running'}");

    assertThat(output.asInt()).isEqualTo(2);
  }

  @Test
  void countPods_noPodMatches_returnsZero() {
    web("web-0", "Running");

    JsonNode output = call("count_pods", "{'label_selector': 'app=ghost'}");

    assertThat(output.isInt()).isTrue();
    assertThat(output.asInt()).isZero();
  }

  @Test
  void countPods_emptySelector_countsEveryPodOfTheNamespace() {
    web("web-0", "Running");
    create("other-0", Map.of("app", "other"), "Running");

    JsonNode output = call("count_pods", "{'label_selector': ''}");

    assertThat(output.asInt()).isEqualTo(2);
  }

  @Test
  void countMinPods_enoughRunningPods_returnsTrue() {
    web("web-0", "Running");
    web("web-1", "Running");

    JsonNode output = call("count_min_pods", "{'label_selector': 'app=web'}");

    assertThat(output.asBoolean()).isTrue();
  }

  @Test
  void countMinPods_pendingPodsDoNotCountByDefault_returnsFalse() {
    web("web-0", "Running");
    web("web-1", "Pending");

    JsonNode output = call("count_min_pods", "{'label_selector': 'app=web'}");

    assertThat(output.asBoolean()).isFalse();
  }

  @Test
  void countMinPods_minCountGiven_comparesWithIt() {
    web("web-0", "Running");

    JsonNode output = call("count_min_pods", "{'label_selector': 'app=web', 'min_count': 1}");

    assertThat(output.asBoolean()).isTrue();
  }

  @Test
  void podIsNotAvailable_podWithThatNameLabelRunning_failsWithChaosToolkitMessage() {
    web("web-0", "Running");

    assertThatThrownBy(() -> call("pod_is_not_available", "{'name': 'web'}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("pod 'web' is actually running");
  }

  @Test
  void podIsNotAvailable_podRunningWithoutRaise_returnsFalse() {
    web("web-0", "Running");

    JsonNode output = call("pod_is_not_available", "{'name': 'web', 'raise_on_is_available': false}");

    assertThat(output.asBoolean()).isFalse();
  }

  @Test
  void podIsNotAvailable_setBasedDefaultSelectorIgnoredByMock_otherRunningPodsDoNotCount() {
    web("web-0", "Pending");
    create("api-0", Map.of("name", "api"), "Running");

    JsonNode output = call("pod_is_not_available", "{'name': 'web'}");

    assertThat(output.asBoolean()).isTrue();
  }

  @Test
  void allPodsHealthy_runningAndSucceededPods_returnsTrue() {
    web("web-0", "Running");
    create("job-0", Map.of("job", "migrate"), "Succeeded");

    JsonNode output = call("all_pods_healthy", "{}");

    assertThat(output.asBoolean()).isTrue();
  }

  @Test
  void allPodsHealthy_oneFailedPod_failsWithChaosToolkitMessage() {
    web("web-0", "Running");
    create("job-0", Map.of("job", "migrate"), "Failed");

    assertThatThrownBy(() -> call("all_pods_healthy", "{}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("the system is unhealthy");
  }

  @Test
  void allPodsHealthy_onePendingPodWithoutRaise_returnsFalse() {
    web("web-0", "Pending");

    JsonNode output = call("all_pods_healthy", "{'raise_on_any_unhealthy': false}");

    assertThat(output.asBoolean()).isFalse();
  }

  @Test
  void allPodsHealthy_unhealthyPodInAnotherNamespace_returnsTrue() {
    web("web-0", "Running");
    Pod elsewhere = TestClusters.pod("broken-0", "shop", Map.of("app", "broken"), TestClusters.NOW);
    elsewhere.getStatus().setPhase("Failed");
    client.pods().inNamespace("shop").resource(elsewhere).create();

    JsonNode output = call("all_pods_healthy", "{'ns': 'default'}");

    assertThat(output.asBoolean()).isTrue();
  }
}
