package io.chaosfn.flow;

import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.store.JournalLayout;
import io.chaosfn.store.RunIds;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to run one experiment, as a trigger delivered it.
 *
 * @param experiment an experiment id or a URI the experiment source understands
 * @param runId the run id the trigger already chose (the webhook answers with it), or null
 * @param deliveryKey what identifies the delivery (Scheduler execution id, EventBridge event id, webhook
 *     delivery id plus experiment id), or null for a one-off run
 * @param deliveredAt when the delivery was made (the schedule's time, the event's time): with the delivery key it
 *     makes the run id, so a retried delivery gets the same one; null means now
 */
public record RunRequest(String experiment, Trigger trigger, String runId, String deliveryKey, Instant deliveredAt) {
  public RunRequest {
    if (experiment == null || experiment.isBlank()) {
      throw new IllegalArgumentException("a run request names an experiment");
    }
    Objects.requireNonNull(trigger, "trigger");
    if (runId != null && !JournalLayout.isRunId(runId)) {
      throw new IllegalArgumentException("run id '" + runId + "' is not letters, digits, '.', '_' or '-'");
    }
  }

  /** The given run id; else one derived from the delivery; else a fresh one. */
  public String runId(Instant now) {
    if (runId != null) {
      return runId;
    }
    Instant at = deliveredAt == null ? now : deliveredAt;
    return deliveryKey == null ? RunIds.random(at) : RunIds.derived(at, deliveryKey);
  }
}
