package io.chaosfn.flow;

import io.chaosfn.store.Outcome;
import io.chaosfn.store.RunRecord;

/**
 * What a run request came to.
 *
 * @param reason why the run was skipped, invalid or not started again, or null
 * @param repeated true when this delivery had been handled before: nothing ran this time
 */
public record RunResult(String runId, String experimentId, Outcome outcome, boolean deviated, String reason,
    boolean repeated) {
  static RunResult of(RunRecord run, boolean repeated) {
    String reason = run.reason();
    if (reason == null && !run.problems().isEmpty()) {
      reason = run.problems().size() + " validation problem(s), first: " + run.problems().get(0);
    }
    return new RunResult(run.runId(), run.experimentId(), run.outcome(), run.deviated(), reason, repeated);
  }
}
