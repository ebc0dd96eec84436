package io.chaosfn.kubernetes.pod;

import static io.chaosfn.kubernetes.TestClusters.context;
import static io.chaosfn.kubernetes.TestClusters.json;
import static io.chaosfn.kubernetes.TestClusters.seedPods;
import static io.chaosfn.kubernetes.TestClusters.seedScenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.kubernetes.RecordingAudit;
import io.chaosfn.kubernetes.TestClusters;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * terminate_pods against the fabric8 mock API server in CRUD mode, seeded with the seed scenario. The mock
 * deletes at once whatever the grace period (no Terminating phase), so these tests check which pods are gone,
 * never how they went. It also stamps {@code creationTimestamp} itself on create, so {@code order: oldest} is
 * tested on {@link PodSelection} directly.
 */
@EnableKubernetesMockClient(crud = true)
class TerminatePodsTest {
  KubernetesClient client;

  private final List<Duration> waits = new ArrayList<>();
  private final RecordingAudit audit = new RecordingAudit();

  private TerminatePods activity() {
    return TerminatePods.terminatePods(TestClusters.support(client, waits));
  }

  private List<String> remaining(String namespace) {
    return client.pods().inNamespace(namespace).list().getItems().stream()
        .map(p -> p.getMetadata().getName()).sorted().toList();
  }

  @Test
  void terminatePods_seedScenarioMasterSelector_deletesExactlyTheMaster() {
    seedScenario(client);

    JsonNode output = activity().call(json(
        "{'label_selector': 'spilo-role=master', 'name_pattern': 'frontend-db-[0-9]$', 'ns': 'default'}"),
        context(audit));

    assertThat(output).isEqualTo(json("{'x': ['frontend-db-0']}").get("x"));
    assertThat(remaining("default")).containsExactly("frontend-db-1");
  }

  @Test
  void terminatePods_seedScenario_recordsTheSelectedPodInTheAudit() {
    seedScenario(client);

    activity().call(json("{'label_selector': 'spilo-role=master', 'name_pattern': 'frontend-db-[0-9]$'}"),
        context(audit));

    JsonNode selected = audit.get("selection").get(0);
    assertThat(selected.get("name").asString()).isEqualTo("frontend-db-0");
    assertThat(selected.get("uid").asString()).isNotEmpty();
    assertThat(selected.get("node").asString()).isEqualTo("node-a");
    assertThat(selected.get("age").asString()).isNotEmpty();
    assertThat(audit.get("grace_period").isNull()).isTrue();
  }

  @Test
  void terminatePods_namePatternSearchesAnywhereInTheName_matchesSubstring() {
    seedScenario(client);

    JsonNode output = activity().call(json("{'name_pattern': 'db-1', 'all': true}"), context(audit));

    assertThat(output.get(0).asString()).isEqualTo("frontend-db-1");
  }

  @Test
  void terminatePods_noMatch_returnsEmptyListAndSucceeds() {
    seedScenario(client);

    JsonNode output = activity().call(json("{'label_selector': 'spilo-role=standby'}"), context(audit));

    assertThat(output.isEmpty()).isTrue();
    assertThat(remaining("default")).hasSize(2);
  }

  @Test
  void terminatePods_defaultQty_deletesOnePodInListOrder() {
    seedPods(client, "shop", "web", 3);

    JsonNode output = activity().call(json("{'label_selector': 'app=web', 'ns': 'shop'}"), context(audit));

    assertThat(output.get(0).asString()).isEqualTo("web-0");
    assertThat(remaining("shop")).containsExactly("web-1", "web-2");
  }

  @Test
  void terminatePods_percentageOfThree_roundsHalfUpToTwo() {
    seedPods(client, "shop", "web", 3);

    JsonNode output = activity().call(
        json("{'label_selector': 'app=web', 'ns': 'shop', 'mode': 'percentage', 'qty': 50}"), context(audit));

    assertThat(output).hasSize(2);
    assertThat(remaining("shop")).hasSize(1);
  }

  @Test
  void terminatePods_qtyAboveCount_deletesEveryMatch() {
    seedPods(client, "shop", "web", 3);

    JsonNode output = activity().call(json("{'label_selector': 'app=web', 'ns': 'shop', 'qty': 9}"),
        context(audit));

    assertThat(output).hasSize(3);
    assertThat(remaining("shop")).isEmpty();
  }

  @Test
  void terminatePods_rand_deletesASampleOfQtyPods() {
    List<Pod> pods = seedPods(client, "shop", "web", 10);

    JsonNode output = activity().call(json("{'label_selector': 'app=web', 'ns': 'shop', 'rand': true, 'qty': 3}"),
        context(audit));

    assertThat(output).hasSize(3);
    assertThat(remaining("shop")).hasSize(pods.size() - 3);
  }

  @Test
  void terminatePods_allTrue_ignoresQty() {
    seedPods(client, "shop", "web", 4);

    JsonNode output = activity().call(json("{'label_selector': 'app=web', 'ns': 'shop', 'all': true, 'qty': 1}"),
        context(audit));

    assertThat(output).hasSize(4);
  }

  @Test
  void terminatePods_gracePeriodGiven_recordsIt() {
    seedScenario(client);

    activity().call(json("{'label_selector': 'spilo-role=master', 'grace_period': 0}"), context(audit));

    assertThat(audit.get("grace_period").asInt()).isZero();
  }

  @Test
  void terminatePods_negativeQty_failsWithChaosToolkitMessage() {
    assertThatThrownBy(() -> activity().call(json("{'label_selector': 'a=b', 'qty': -1}"), context(audit)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("Cannot select pods. Quantity '-1' is negative.");
  }

  @Test
  void terminatePods_unknownMode_failsWithChaosToolkitMessage() {
    assertThatThrownBy(() -> activity().call(json("{'label_selector': 'a=b', 'mode': 'half'}"), context(audit)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("Cannot select pods. Mode 'half' is invalid.");
  }

  @Test
  void terminatePods_unknownOrder_failsWithChaosToolkitMessage() {
    assertThatThrownBy(() -> activity().call(json("{'label_selector': 'a=b', 'order': 'random'}"), context(audit)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("Cannot select pods. Order 'random' is invalid.");
  }

  @Test
  void dryRun_seedScenario_recordsWouldDeleteAndDeletesNothing() {
    seedScenario(client);

    activity().dryRun(json("{'label_selector': 'spilo-role=master'}"), context(audit));

    assertThat(audit.get("would_delete").get(0).asString()).isEqualTo("frontend-db-0");
    assertThat(remaining("default")).hasSize(2);
  }

  @Test
  void deletePods_nameGiven_deletesOnePodWhoseNameMatches() {
    seedScenario(client);
    TerminatePods deletePods = TerminatePods.deletePods(TestClusters.support(client, waits));

    JsonNode output = deletePods.call(json("{'name': 'frontend-db'}"), context(audit));

    assertThat(output).hasSize(1);
    assertThat(remaining("default")).hasSize(1);
  }
}
