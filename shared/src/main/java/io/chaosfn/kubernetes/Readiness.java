package io.chaosfn.kubernetes;

import io.chaosfn.activity.ActivityFailedException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Watches one workload until its readiness is the wanted one or the timeout passes, as chaosk8s's
 * {@code _deployment_readiness_has_state}: ready means {@code status.readyReplicas == spec.replicas}, where an
 * absent {@code readyReplicas} (the API omits zero) never equals a replica count.
 */
public final class Readiness {
  private Readiness() {}

  /**
   * @return true when the state was reached within {@code timeoutSeconds}, false when the time ran out
   */
  public static <T extends HasMetadata> boolean reached(
      KubernetesSupport support, ApiRequest request, Resource<T> resource, Optional<String> labelSelector,
      boolean ready, int timeoutSeconds, Function<T, Integer> readyReplicas, Function<T, Integer> replicas) {
    LabelSelector selector = labelSelector.map(Listing::parse).orElse(LabelSelector.everything());
    try {
      support.call(request, () -> resource.waitUntilCondition(
          w -> w != null && selector.matches(w.getMetadata().getLabels())
              && ready == isReady(readyReplicas.apply(w), replicas.apply(w)),
          timeoutSeconds, TimeUnit.SECONDS));
      return true;
    } catch (ActivityFailedException e) {
      if (e.getCause() instanceof KubernetesClientTimeoutException) {
        return false;
      }
      throw e;
    } catch (KubernetesClientTimeoutException e) {
      return false;
    }
  }

  private static boolean isReady(Integer readyReplicas, Integer replicas) {
    return readyReplicas != null && Objects.equals(readyReplicas, replicas);
  }
}
