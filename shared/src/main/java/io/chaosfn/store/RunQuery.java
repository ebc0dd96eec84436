package io.chaosfn.store;

import java.time.Instant;

/**
 * A filter over one experiment's runs (or, with a null experiment id, over every experiment's runs of one
 * outcome), newest first.
 *
 * @param outcome only runs with this outcome, or null
 * @param deviated only runs that deviated (true) or did not (false), or null
 * @param triggerType only runs started by this trigger type, or null
 * @param since only runs started at or after, or null
 * @param until only runs started before, or null
 * @param limit at most this many runs per page (1 to 100)
 * @param cursor where the previous page stopped, as the store returned it, or null for the first page
 */
public record RunQuery(
    String experimentId,
    Outcome outcome,
    Boolean deviated,
    String triggerType,
    Instant since,
    Instant until,
    int limit,
    String cursor) {
  public static final int MAX_LIMIT = 100;

  public RunQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (since != null && until != null && !since.isBefore(until)) {
      throw new IllegalArgumentException("since must be before until");
    }
    if (experimentId == null && outcome == null) {
      throw new IllegalArgumentException("a query names an experiment, an outcome, or both");
    }
  }

  /** Whether a run passes every filter of this query (the cursor and limit aside). */
  public boolean matches(RunRecord run) {
    return (experimentId == null || experimentId.equals(run.experimentId()))
        && (outcome == null || outcome == run.outcome())
        && (deviated == null || deviated == run.deviated())
        && (triggerType == null || triggerType.equals(run.trigger().type()))
        && (since == null || !run.startedAt().isBefore(since))
        && (until == null || run.startedAt().isBefore(until));
  }

  /** The same filters, resuming after the page that returned this cursor. */
  public RunQuery withCursor(String nextCursor) {
    return new RunQuery(experimentId, outcome, deviated, triggerType, since, until, limit, nextCursor);
  }

  public static RunQuery ofExperiment(String experimentId, int limit) {
    return new RunQuery(experimentId, null, null, null, null, null, limit, null);
  }
}
