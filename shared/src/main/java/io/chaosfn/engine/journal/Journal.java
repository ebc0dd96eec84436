package io.chaosfn.engine.journal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's journal: Chaos Toolkit's keys (semantics §4) plus the one {@code chaosfn} object of decisions.md §2.
 * Immutable; {@link JournalRecorder} builds it while the run goes on.
 *
 * @param status {@code completed}, {@code failed}, {@code aborted} or {@code interrupted}; null only in a snapshot
 *     taken mid-run
 * @param before the hypothesis checked before the method, or null
 * @param after the hypothesis checked after the method, or null
 * @param chaosfn what chaosfn adds (run id, trigger, source, stop, activity decisions...), or null in a Chaos
 *     Toolkit journal
 * @param extra top-level keys other tools added, kept so journals round-trip
 */
public record Journal(
    String chaoslibVersion,
    String platform,
    String node,
    ObjectNode experiment,
    Instant start,
    String status,
    boolean deviated,
    SteadyState before,
    SteadyState after,
    List<SteadyState> during,
    ObjectNode steadyStatesExtra,
    List<RunItem> run,
    List<RunItem> rollbacks,
    Instant end,
    Double duration,
    ObjectNode chaosfn,
    ObjectNode extra) {
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";
  public static final String ABORTED = "aborted";
  public static final String INTERRUPTED = "interrupted";

  public Journal {
    Objects.requireNonNull(experiment, "experiment");
    during = List.copyOf(during);
    run = List.copyOf(run);
    rollbacks = List.copyOf(rollbacks);
  }

  public String title() {
    return experiment.path("title").asString("");
  }

  /** Completed and not deviated: the CLI's exit code 0. */
  public boolean succeeded() {
    return COMPLETED.equals(status) && !deviated;
  }
}
