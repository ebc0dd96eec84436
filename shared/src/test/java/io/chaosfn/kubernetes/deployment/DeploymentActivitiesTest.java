package io.chaosfn.kubernetes.deployment;

import static io.chaosfn.kubernetes.TestClusters.context;
import static io.chaosfn.kubernetes.TestClusters.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.kubernetes.RecordingAudit;
import io.chaosfn.kubernetes.TestClusters;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Deployment probes and actions on the fabric8 mock in CRUD mode, seeded with the seed scenario. */
@EnableKubernetesMockClient(crud = true)
class DeploymentActivitiesTest {
  KubernetesClient client;

  private final RecordingAudit audit = new RecordingAudit();

  private NativeActivity activity(String module, String func) {
    return new DeploymentActivities(TestClusters.support(client, new ArrayList<>())).activities().stream()
        .filter(a -> a.module().equals(module) && a.func().equals(func)).findFirst().orElseThrow();
  }

  @Test
  void microserviceAvailableAndHealthy_healthyDeployment_returnsTrue() {
    TestClusters.seedScenario(client);

    JsonNode output = activity("chaosk8s.probes", "microservice_available_and_healthy")
        .call(json("{'name': 'frontend-app'}"), context(audit));

    assertThat(output.asBoolean()).isTrue();
  }

  @Test
  void deploymentAvailableAndHealthy_missingDeployment_failsWithChaosToolkitMessage() {
    assertThatThrownBy(() -> activity("chaosk8s.deployment.probes", "deployment_available_and_healthy")
        .call(json("{'name': 'ghost'}"), context(audit)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("Deployment 'ghost' was not found");
  }

  @Test
  void deploymentAvailableAndHealthy_unavailableWithoutRaise_returnsFalse() {
    client.apps().deployments().inNamespace("default").resource(TestClusters.deployment("web", 3, 1)).create();

    JsonNode output = activity("chaosk8s.deployment.probes", "deployment_available_and_healthy")
        .call(json("{'name': 'web', 'raise_on_unavailable': false}"), context(audit));

    assertThat(output.asBoolean()).isFalse();
  }

  @Test
  void scaleDeployment_replicasGiven_patchesSpecReplicas() {
    TestClusters.seedScenario(client);

    activity("chaosk8s.deployment.actions", "scale_deployment")
        .call(json("{'name': 'frontend-app', 'replicas': 5}"), context(audit));

    assertThat(client.apps().deployments().inNamespace("default").withName("frontend-app").get()
        .getSpec().getReplicas()).isEqualTo(5);
  }

  @Test
  void scaleDeployment_missingDeployment_failsWithChaosToolkitPrefix() {
    assertThatThrownBy(() -> activity("chaosk8s.deployment.actions", "scale_deployment")
        .call(json("{'name': 'ghost', 'replicas': 1}"), context(audit)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageStartingWith("failed to scale 'ghost' to 1 replicas: ");
  }

  @Test
  void deploymentFullyAvailable_readyDeployment_returnsTrue() {
    TestClusters.seedScenario(client);

    JsonNode output = activity("chaosk8s.deployment.probes", "deployment_fully_available")
        .call(json("{'name': 'frontend-app', 'timeout': 5}"), context(audit));

    assertThat(output.asBoolean()).isTrue();
  }

  @Test
  void deploymentNotFullyAvailable_staysReady_failsAfterTimeoutWithChaosToolkitMessage() {
    TestClusters.seedScenario(client);

    assertThatThrownBy(() -> activity("chaosk8s.deployment.probes", "deployment_not_fully_available")
        .call(json("{'name': 'frontend-app', 'timeout': 1}"), context(audit)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("deployment 'frontend-app' failed to stop running within 1s");
  }

  @Test
  void killMicroservice_setBasedSelectorIgnoredByMock_deletesOnlyLabelledObjects() {
    TestClusters.seedScenario(client);
    Deployment api = TestClusters.deployment("api", 1, 1);
    api.getMetadata().getLabels().put("name", "api");
    client.apps().deployments().inNamespace("default").resource(api).create();

    activity("chaosk8s.actions", "kill_microservice").call(json("{'name': 'api'}"), context(audit));

    assertThat(client.apps().deployments().inNamespace("default").list().getItems())
        .extracting(d -> d.getMetadata().getName()).containsExactly("frontend-app");
  }
}
