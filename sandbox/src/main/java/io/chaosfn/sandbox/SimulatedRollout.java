package io.chaosfn.sandbox;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What Flux and the Deployment controller would do for a new version, simulated: the spec gets the new image and
 * a new generation at once, the status shows the rollout in progress, and after {@code rolloutTime} the new pods
 * serve ({@link FrontendService#serve}) and the status is complete.
 */
final class SimulatedRollout {
  private final LocalCluster cluster;
  private final FrontendService frontend;
  private final Consumer<String> say;

  SimulatedRollout(LocalCluster cluster, FrontendService frontend, Consumer<String> say) {
    this.cluster = cluster;
    this.frontend = frontend;
    this.say = say;
  }

  /** Starts the rollout and returns; it completes in the background. */
  CompletableFuture<Void> start(int version, Duration rolloutTime) {
    Deployment updated = deployment().edit(d -> {
      d.getMetadata().setGeneration(d.getMetadata().getGeneration() + 1);
      d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("frontend:" + version);
      return d;
    });
    long generation = updated.getMetadata().getGeneration();
    deployment().editStatus(d -> {
      d.setStatus(new DeploymentStatusBuilder(d.getStatus()).withUpdatedReplicas(0).withAvailableReplicas(1)
          .withReadyReplicas(1).build());
      return d;
    });
    say.accept("[rollout, simulated] frontend-app: image frontend:" + version + ", generation " + generation
        + ", 0/2 updated");
    return CompletableFuture.runAsync(() -> {
      frontend.serve(version);
      deployment().editStatus(d -> {
        d.setStatus(new DeploymentStatusBuilder(d.getStatus()).withObservedGeneration(generation)
            .withUpdatedReplicas(2).withAvailableReplicas(2).withReadyReplicas(2).build());
        return d;
      });
      say.accept("[rollout, simulated] frontend-app: 2/2 updated and available");
    }, CompletableFuture.delayedExecutor(rolloutTime.toMillis(), TimeUnit.MILLISECONDS));
  }

  private io.fabric8.kubernetes.client.dsl.RollableScalableResource<Deployment> deployment() {
    return cluster.client().apps().deployments().inNamespace(LocalCluster.NAMESPACE).withName(LocalCluster.FRONTEND);
  }
}
