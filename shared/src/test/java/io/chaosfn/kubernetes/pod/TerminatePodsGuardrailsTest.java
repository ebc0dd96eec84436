package io.chaosfn.kubernetes.pod;

import static io.chaosfn.kubernetes.TestClusters.context;
import static io.chaosfn.kubernetes.TestClusters.json;
import static io.chaosfn.kubernetes.TestClusters.seedPods;
import static io.chaosfn.kubernetes.TestClusters.seedScenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.experiment.Problem;
import io.chaosfn.experiment.Problems;
import io.chaosfn.kubernetes.GuardrailPolicy;
import io.chaosfn.kubernetes.KubernetesSupport;
import io.chaosfn.kubernetes.RecordingAudit;
import io.chaosfn.kubernetes.TestClusters;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.MissingNode;

/**
 * The chaosfn guardrails around terminate_pods: refusals decidable from the document fail validation, the
 * others fail the activity and are recorded under {@code guardrail} (decisions.md §1). Runs on the fabric8 mock
 * in CRUD mode, whose lack of support for set-based selectors is exactly what the client-side re-check guards.
 */
@EnableKubernetesMockClient(crud = true)
class TerminatePodsGuardrailsTest {
  KubernetesClient client;

  private final List<Duration> waits = new ArrayList<>();
  private final RecordingAudit audit = new RecordingAudit();

  private TerminatePods activity(GuardrailPolicy policy) {
    return TerminatePods.terminatePods(
        TestClusters.support(client, waits, policy, KubernetesSupport.DEFAULT_DELETE_CONCURRENCY));
  }

  private TerminatePods activity() {
    return activity(GuardrailPolicy.defaults());
  }

  private List<Problem> validate(TerminatePods activity, String arguments, String extension) {
    Problems problems = new Problems();
    activity.validate(json(arguments), extension == null ? MissingNode.getInstance() : json(extension),
        problems.at("method[0].provider.arguments"));
    return problems.list();
  }

  private int podCount(String namespace) {
    return client.pods().inNamespace(namespace).list().getItems().size();
  }

  @Test
  void call_deniedNamespace_failsRecordsGuardrailAndDeletesNothing() {
    seedPods(client, "kube-system", "coredns", 2);

    assertThatThrownBy(() -> activity().call(json("{'label_selector': 'app=coredns', 'ns': 'kube-system'}"),
        context(audit)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageContaining("namespace 'kube-system' is denied");

    assertThat(audit.get("guardrail").get("rule").asString()).isEqualTo("namespace");
    assertThat(podCount("kube-system")).isEqualTo(2);
  }

  @Test
  void call_experimentAllowsOtherNamespace_isRefused() {
    seedScenario(client);

    assertThatThrownBy(() -> activity().call(json("{'label_selector': 'spilo-role=master'}"),
        context(audit, json("{'guardrails': {'allowed_namespaces': ['shop']}}"))))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageContaining("not among the namespaces");

    assertThat(podCount("default")).isEqualTo(2);
  }

  @Test
  void call_selectionAboveMaxPods_failsAndDeletesNone() {
    seedPods(client, "shop", "web", 3);
    GuardrailPolicy capTwo = new GuardrailPolicy(Set.of("*"), GuardrailPolicy.SYSTEM_NAMESPACES, 2);

    assertThatThrownBy(() -> activity(capTwo).call(json("{'label_selector': 'app=web', 'ns': 'shop', 'all': true}"),
        context(audit)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageContaining("the selection has 3 pods, more than the 2");

    assertThat(audit.get("guardrail").get("rule").asString()).isEqualTo("max_pods_per_action");
    assertThat(podCount("shop")).isEqualTo(3);
  }

  @Test
  void call_experimentLowersMaxPods_appliesTheLowerCap() {
    seedPods(client, "shop", "web", 3);

    assertThatThrownBy(() -> activity().call(json("{'label_selector': 'app=web', 'ns': 'shop', 'qty': 2}"),
        context(audit, json("{'guardrails': {'max_pods_per_action': 1}}"))))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageContaining("more than the 1");
  }

  /** The mock ignores {@code in (...)} and returns the replica too; the re-check refuses before any delete. */
  @Test
  void call_serverIgnoresSetBasedSelector_recheckRefusesAndDeletesNothing() {
    seedScenario(client);

    assertThatThrownBy(() -> activity().call(json("{'label_selector': 'spilo-role in (master)', 'all': true}"),
        context(audit)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageContaining("pod 'frontend-db-1' does not match label selector 'spilo-role in (master)'");

    assertThat(audit.get("guardrail").get("rule").asString()).isEqualTo("selector_recheck");
    assertThat(podCount("default")).isEqualTo(2);
  }

  @Test
  void call_emptySelectorWithoutAll_isRefused() {
    seedScenario(client);

    assertThatThrownBy(() -> activity().call(json("{'ns': 'default'}"), context(audit)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageContaining("set all: true to mean it");

    assertThat(podCount("default")).isEqualTo(2);
  }

  @Test
  void dryRun_deniedNamespace_recordsGuardrailWithoutFailing() {
    activity().dryRun(json("{'label_selector': 'a=b', 'ns': 'kube-public'}"), context(audit));

    assertThat(audit.get("guardrail").get("rule").asString()).isEqualTo("namespace");
    assertThat(audit.get("would_delete")).isNull();
  }

  @Test
  void validate_deniedNamespace_reportsAtNs() {
    List<Problem> problems = validate(activity(), "{'label_selector': 'a=b', 'ns': 'kube-node-lease'}", null);

    assertThat(problems).extracting(Problem::path).containsExactly("method[0].provider.arguments.ns");
  }

  @Test
  void validate_defaultNamespaceOutsideExperimentAllowList_isReported() {
    List<Problem> problems = validate(activity(), "{'label_selector': 'a=b'}",
        "{'guardrails': {'allowed_namespaces': ['shop']}}");

    assertThat(problems).extracting(Problem::message).singleElement().asString().contains("'default'");
  }

  @Test
  void validate_emptySelectorWithoutAll_isReported() {
    List<Problem> problems = validate(activity(), "{'ns': 'shop'}", null);

    assertThat(problems).extracting(Problem::message).singleElement().asString()
        .contains("every pod in namespace 'shop'");
  }

  @Test
  void validate_emptySelectorWithAllTrue_isAccepted() {
    assertThat(validate(activity(), "{'ns': 'shop', 'all': true}", null)).isEmpty();
  }

  @Test
  void validate_placeholders_areLeftForRunTime() {
    assertThat(validate(activity(), "{'ns': '${target_ns}', 'label_selector': '${selector}'}", null)).isEmpty();
  }

  @Test
  void validate_unparseableSelector_isReportedAtLabelSelector() {
    List<Problem> problems = validate(activity(), "{'label_selector': 'app in (web'}", null);

    assertThat(problems).extracting(Problem::path).containsExactly("method[0].provider.arguments.label_selector");
  }

  @Test
  void validate_malformedExtensionGuardrails_isReported() {
    List<Problem> problems = validate(activity(), "{'label_selector': 'a=b'}",
        "{'guardrails': {'max_pods_per_action': 0}}");

    assertThat(problems).extracting(Problem::message).singleElement().asString()
        .contains("max_pods_per_action' must be a positive integer");
  }
}
