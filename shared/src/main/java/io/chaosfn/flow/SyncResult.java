package io.chaosfn.flow;

import io.chaosfn.experiment.Problem;
import java.util.List;

/** What schedule synchronisation did for one object change; {@link #summary()} is the log line. */
public sealed interface SyncResult {
  String summary();

  /** The schedule was created or replaced. */
  record Scheduled(String experimentId, String scheduleName, String expression, boolean enabled)
      implements SyncResult {
    @Override
    public String summary() {
      return "schedule " + scheduleName + " of " + experimentId + " is " + expression
          + (enabled ? "" : " (disabled)");
    }
  }

  /** The experiment has no schedule (any more), or its object is gone: its schedule was removed if it existed. */
  record Unscheduled(String experimentId, String scheduleName, boolean existed) implements SyncResult {
    @Override
    public String summary() {
      return "schedule " + scheduleName + " of " + experimentId + (existed ? " deleted" : " not present");
    }
  }

  /** The schedule is invalid: nothing was changed, the previous schedule (if any) stays. */
  record Rejected(String uri, List<Problem> problems) implements SyncResult {
    public Rejected {
      problems = List.copyOf(problems);
    }

    @Override
    public String summary() {
      return "schedule of " + uri + " not changed: " + problems;
    }
  }

  /** Nothing to do: the object is not an experiment document, or a deleted one was never synchronised. */
  record Ignored(String uri, String reason) implements SyncResult {
    @Override
    public String summary() {
      return uri + " ignored: " + reason;
    }
  }
}
