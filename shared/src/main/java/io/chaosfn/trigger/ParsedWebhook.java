package io.chaosfn.trigger;

import java.util.Objects;

/** What an authenticated, well-formed webhook body says: a successful deploy, or something else to ignore. */
public sealed interface ParsedWebhook {
  /** A deploy that succeeded: it is deduplicated and matched against experiments. */
  record Deployed(DeployEvent event) implements ParsedWebhook {
    public Deployed {
      Objects.requireNonNull(event, "event");
    }
  }

  /** Any other event (a failure, a progress report, a GitHub ping): answered 200, nothing runs. */
  record Ignored(String reason) implements ParsedWebhook {
    public Ignored {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
