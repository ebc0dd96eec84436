package io.chaosfn.trigger;

import java.time.Instant;
import java.util.Objects;

/**
 * A successful deploy, as a GitOps tool reported it: what was deployed where, at which revision, and the id of
 * the delivery that reported it. Each source fills what it knows: Flux and Argo CD name a namespace and a
 * workload, GitHub a repository; the rest is null.
 *
 * @param deliveryId what identifies this report among the source's deliveries (the dedupe key)
 * @param timestamp when the tool says the deploy finished, or when the report was received if it does not say
 */
public record DeployEvent(DeploySource source, String namespace, String workload, String repository,
    String revision, String deliveryId, Instant timestamp) {
  public DeployEvent {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(timestamp, "timestamp");
    if (deliveryId.isBlank()) {
      throw new IllegalArgumentException("deliveryId must not be blank");
    }
  }
}
