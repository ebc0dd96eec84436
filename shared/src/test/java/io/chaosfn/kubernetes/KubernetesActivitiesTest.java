package io.chaosfn.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.activity.ActivityRegistry;
import io.chaosfn.experiment.Problem;
import io.chaosfn.experiment.Problems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.MissingNode;

class KubernetesActivitiesTest {
  private final List<Duration> waits = new ArrayList<>();
  private final ActivityRegistry registry = new KubernetesActivities(TestClusters.support(null, waits))
      .registerInto(ActivityRegistry.builder()).build();

  private List<Problem> validate(String module, String func, String arguments) {
    Problems problems = new Problems();
    registry.validate(module, func, TestClusters.json(arguments), MissingNode.getInstance(), "step",
        problems.at("provider"));
    return problems.list();
  }

  @Test
  void registerInto_seedScenarioNames_areFound() {
    assertThat(registry.find("chaosk8s.pod.actions", "terminate_pods")).isPresent();
    assertThat(registry.find("chaosk8s.probes", "microservice_available_and_healthy")).isPresent();
  }

  @Test
  void registerInto_nodeModule_isReportedAsNotSupportedYet() {
    List<Problem> problems = validate("chaosk8s.node.actions", "drain_nodes", "{}");

    assertThat(problems).extracting(Problem::message).singleElement().asString().contains("not supported by chaosfn yet");
  }

  @ParameterizedTest
  @CsvSource({
      "chaosk8s.pod.actions, exec_in_pods",
      "chaosk8s.deployment.actions, create_deployment",
      "chaosk8s.statefulset.actions, create_statefulset",
      "chaosk8s.statefulset.actions, remove_statefulset",
      "chaosk8s.actions, start_microservice",
      "chaosk8s.actions, remove_service_endpoint",
      "chaosk8s.probes, all_microservices_healthy"})
  void registerInto_unimplementedFunctionOfSupportedModule_isReportedAsNotSupportedYet(String module, String func) {
    List<Problem> problems = validate(module, func, "{}");

    assertThat(problems).containsExactly(
        new Problem("provider.func", "'" + module + "." + func + "' is not supported by chaosfn yet"));
  }

  @Test
  void registerInto_misspelledFunctionOfSupportedModule_suggestsTheSupportedOne() {
    List<Problem> problems = validate("chaosk8s.pod.actions", "terminate_pod", "{}");

    assertThat(problems).extracting(Problem::message).singleElement().asString()
        .contains("does not expose a function called 'terminate_pod'").contains("terminate_pods");
  }

  @Test
  void validate_scaleDeploymentInDeniedNamespace_isReportedAtNs() {
    List<Problem> problems = validate("chaosk8s.deployment.actions", "scale_deployment",
        "{'name': 'coredns', 'replicas': 0, 'ns': 'kube-system'}");

    assertThat(problems).extracting(Problem::path).containsExactly("provider.arguments.ns");
  }

  @Test
  void validate_probeInSystemNamespace_isAllowedBecauseItOnlyReads() {
    assertThat(validate("chaosk8s.pod.probes", "count_pods", "{'label_selector': 'k8s-app=kube-dns', "
        + "'ns': 'kube-system'}")).isEmpty();
  }

  @Test
  void activities_everyOne_hasAChaosk8sModule() {
    assertThat(registry.all()).allSatisfy(a -> assertThat(a.module()).startsWith("chaosk8s."));
  }
}
