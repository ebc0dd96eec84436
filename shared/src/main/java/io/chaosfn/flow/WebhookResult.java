package io.chaosfn.flow;

import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.RunRequest;
import java.util.List;
import java.util.Objects;

/** How the webhook handled an authenticated, well-formed delivery. */
public sealed interface WebhookResult {
  DeploySource source();

  /** Runs were requested, one per matching experiment (202). */
  record Accepted(DeploySource source, String deliveryId, List<RunRequest> runs) implements WebhookResult {
    public Accepted {
      Objects.requireNonNull(deliveryId, "deliveryId");
      runs = List.copyOf(runs);
    }
  }

  /** The delivery was handled before: nothing was requested again (200). */
  record Duplicate(DeploySource source, String deliveryId) implements WebhookResult {}

  /** Not a successful deploy: nothing to do (200). */
  record Ignored(DeploySource source, String reason) implements WebhookResult {}

  /** A successful deploy no experiment's deploy trigger matches (200). */
  record Unmatched(DeploySource source, String deliveryId) implements WebhookResult {}
}
