package io.chaosfn.kubernetes.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.flow.RolloutWatch.Rollout;
import io.chaosfn.kubernetes.TestClusters;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The rollout watch on the fabric8 mock in CRUD mode. The mock runs no controllers, so each test writes the
 * Deployment status a controller would; the waits that must end unhealthy are kept to a fraction of a second.
 */
@EnableKubernetesMockClient(crud = true)
class DeploymentRolloutsTest {
  private static final Rollout FRONTEND = new Rollout("default", "frontend-app", Duration.ofSeconds(300));

  KubernetesClient client;

  private DeploymentRollouts rollouts() {
    return new DeploymentRollouts(() -> client);
  }

  private static Deployment rolling(int updated, int available, long generation, long observed) {
    return new DeploymentBuilder(TestClusters.deployment("frontend-app", 2, available))
        .editMetadata().withGeneration(generation).endMetadata()
        .editStatus().withUpdatedReplicas(updated).withObservedGeneration(observed).endStatus()
        .build();
  }

  @Test
  void awaitHealthy_rolledOutDeployment_returnsTrue() {
    client.resource(rolling(2, 2, 3, 3)).create();

    boolean healthy = rollouts().awaitHealthy(FRONTEND, Duration.ofSeconds(5));

    assertThat(healthy).isTrue();
  }

  @Test
  void awaitHealthy_newReplicasNotAllUpdated_returnsFalseWhenTheLimitPasses() {
    client.resource(rolling(1, 2, 3, 3)).create();

    boolean healthy = rollouts().awaitHealthy(FRONTEND, Duration.ofMillis(300));

    assertThat(healthy).isFalse();
  }

  @Test
  void awaitHealthy_missingDeployment_returnsFalseWhenTheLimitPasses() {
    boolean healthy = rollouts().awaitHealthy(FRONTEND, Duration.ofMillis(300));

    assertThat(healthy).isFalse();
  }

  @Test
  void awaitHealthy_statusBecomesHealthyWhileWaiting_returnsTrue() {
    client.resource(rolling(1, 1, 3, 3)).create();
    CompletableFuture<Void> controller = CompletableFuture.runAsync(
        () -> client.resource(rolling(2, 2, 3, 3)).updateStatus(),
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

    boolean healthy = rollouts().awaitHealthy(FRONTEND, Duration.ofSeconds(30));

    controller.join();
    assertThat(healthy).isTrue();
  }

  @Test
  void healthy_controllerHasNotSeenTheLatestGeneration_isFalse() {
    boolean healthy = DeploymentRollouts.healthy(rolling(2, 2, 4, 3));

    assertThat(healthy).isFalse();
  }

  @Test
  void healthy_availableBehindUpdated_isFalse() {
    boolean healthy = DeploymentRollouts.healthy(rolling(2, 1, 3, 3));

    assertThat(healthy).isFalse();
  }
}
