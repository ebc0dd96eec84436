package io.chaosfn.kubernetes.deployment;

import io.chaosfn.flow.RolloutWatch;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Watches a Deployment until its rollout is complete as {@code kubectl rollout status} judges it: the controller
 * has seen the latest spec ({@code status.observedGeneration >= metadata.generation}) and every wanted replica is
 * updated and available ({@code status.updatedReplicas == spec.replicas == status.availableReplicas}). The API
 * omits zero counts, so an absent count equals a replica count of zero only.
 */
public final class DeploymentRollouts implements RolloutWatch {
  private final Supplier<KubernetesClient> cluster;

  /** @param cluster the cluster deploys are reported for; asked once per wait, so it may be built lazily */
  public DeploymentRollouts(Supplier<KubernetesClient> cluster) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
  }

  @Override
  public boolean awaitHealthy(Rollout rollout, Duration limit) {
    try {
      cluster.get().apps().deployments().inNamespace(rollout.namespace()).withName(rollout.workload())
          .waitUntilCondition(DeploymentRollouts::healthy, Math.max(limit.toMillis(), 1), TimeUnit.MILLISECONDS);
      return true;
    } catch (KubernetesClientTimeoutException e) {
      return false;
    }
  }

  static boolean healthy(Deployment deployment) {
    if (deployment == null || deployment.getSpec() == null || deployment.getStatus() == null) {
      return false;
    }
    DeploymentStatus status = deployment.getStatus();
    long generation = count(deployment.getMetadata().getGeneration());
    int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
    return count(status.getObservedGeneration()) >= generation
        && count(status.getUpdatedReplicas()) == replicas
        && count(status.getAvailableReplicas()) == replicas;
  }

  private static long count(Number value) {
    return value == null ? 0 : value.longValue();
  }
}
