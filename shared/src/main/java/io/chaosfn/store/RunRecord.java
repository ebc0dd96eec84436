package io.chaosfn.store;

import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.experiment.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * One run as stored: what queries filter on, and the full journal when the run executed.
 *
 * @param deviated the journal's {@code deviated}: true for every {@code deviated} outcome, and for a {@code failed}
 *     run whose after-check errored (semantics §3.6)
 * @param journal the Chaos Toolkit journal; null for skipped, invalid and in-progress runs
 * @param reason why a run was skipped or is in progress (the lock holder), or null
 * @param problems the validation problems of an invalid run, else empty
 * @param experimentVersion the S3 version id of the experiment document, or null
 */
public record RunRecord(
    String runId,
    String experimentId,
    Outcome outcome,
    boolean deviated,
    String title,
    Trigger trigger,
    Instant startedAt,
    Instant endedAt,
    Journal journal,
    String reason,
    List<Problem> problems,
    String experimentVersion) {
  public RunRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(experimentId, "experimentId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(startedAt, "startedAt");
    problems = List.copyOf(problems);
    if (outcome == Outcome.DEVIATED && !deviated) {
      throw new IllegalArgumentException("a deviated outcome is deviated");
    }
  }

  /** The same run without its journal, as listings return it. */
  public RunRecord summary() {
    return new RunRecord(runId, experimentId, outcome, deviated, title, trigger, startedAt, endedAt, null, reason,
        problems, experimentVersion);
  }

  /** The same run with a journal that differs only in what was added after the run (its notifications). */
  public RunRecord withJournal(Journal amended) {
    return new RunRecord(runId, experimentId, outcome, deviated, title, trigger, startedAt, endedAt, amended, reason,
        problems, experimentVersion);
  }

  /** A finished run, from its journal. */
  public static RunRecord of(String runId, String experimentId, Journal journal, String experimentVersion) {
    Trigger trigger = journal.chaosfn() != null && journal.chaosfn().path("trigger").isObject()
        ? Trigger.fromJson((ObjectNode) journal.chaosfn().get("trigger"))
        : Trigger.cli();
    return new RunRecord(runId, experimentId, Outcome.of(journal), journal.deviated(), journal.title(), trigger,
        journal.start(), journal.end(), journal, null, List.of(), experimentVersion);
  }
}
