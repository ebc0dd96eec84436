package io.chaosfn.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What an experiment's runs add up to: counts per outcome, the success rate, the last deviation, the current
 * streak and the revision at which the outcome last changed. Pure: computed from runs ({@link #of}) or
 * maintained one run at a time ({@link #fold}) by stores that keep it materialised, with the same result.
 *
 * <p>Runs are ordered by run id, which is time-ordered. The streak, the last deviation and the last change only
 * look at executed runs ({@link Outcome#isExecuted()}): a skipped run does not break a streak.
 *
 * @param title the latest run's title, or null when no run had one
 * @param lastRun the latest run of any outcome, or null when there is none
 * @param lastExecuted the latest executed run, or null
 * @param counts runs per outcome; outcomes without runs are absent
 * @param lastDeviation the latest deviated run, or null
 * @param streak how many executed runs in a row ended with the latest executed outcome, or null
 * @param revisionAtLastChange the trigger revision of the run that started the current streak, or null when
 *     that run had no revision
 */
public record ExperimentHistory(
    String experimentId,
    String title,
    RunMark lastRun,
    RunMark lastExecuted,
    Map<Outcome, Integer> counts,
    RunMark lastDeviation,
    Streak streak,
    String revisionAtLastChange) {

  /** One run, as far as a history remembers it. */
  public record RunMark(String runId, Instant startedAt, Outcome outcome, String revision) {
    public RunMark {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(outcome, "outcome");
    }

    static RunMark of(RunRecord run) {
      return new RunMark(run.runId(), run.startedAt(), run.outcome(), run.trigger().revision());
    }
  }

  /** The same executed outcome, {@code length} runs in a row. */
  public record Streak(Outcome outcome, int length) {
    public Streak {
      Objects.requireNonNull(outcome, "outcome");
      if (length < 1) {
        throw new IllegalArgumentException("a streak is at least one run long, was " + length);
      }
    }
  }

  public ExperimentHistory {
    Objects.requireNonNull(experimentId, "experimentId");
    EnumMap<Outcome, Integer> copy = new EnumMap<>(Outcome.class);
    counts.forEach((outcome, count) -> {
      if (count < 0) {
        throw new IllegalArgumentException("count of " + outcome.wireName() + " runs is negative: " + count);
      }
      if (count > 0) {
        copy.put(outcome, count);
      }
    });
    counts = Map.copyOf(copy);
  }

  public static ExperimentHistory empty(String experimentId) {
    return new ExperimentHistory(experimentId, null, null, null, Map.of(), null, null, null);
  }

  /** The history of these runs of one experiment, in any order, each run id once. */
  public static ExperimentHistory of(String experimentId, Collection<RunRecord> runs) {
    ExperimentHistory history = empty(experimentId);
    for (RunRecord run : runs.stream().sorted(Comparator.comparing(RunRecord::runId)).toList()) {
      history = history.fold(run, null).orElseThrow(
          () -> new IllegalArgumentException("run id " + run.runId() + " appears twice"));
    }
    return history;
  }

  /**
   * This history with one more run, for stores that keep the history materialised and update it after each
   * write. {@code replaced} is the version of the same run id that the write replaced, or null. Empty when the
   * result cannot be derived from this history alone — the run is older than the latest one this history has
   * seen, or replaces a version this history did not count — and the caller rebuilds it from all runs with
   * {@link #of}. Folding a run this history already counted (a retried update, or one a rebuild already saw)
   * changes nothing.
   */
  public Optional<ExperimentHistory> fold(RunRecord run, RunRecord replaced) {
    if (!run.experimentId().equals(experimentId)) {
      throw new IllegalArgumentException(
          "run " + run.runId() + " belongs to " + run.experimentId() + ", not " + experimentId);
    }
    if (lastRun == null || run.runId().compareTo(lastRun.runId()) > 0) {
      return Optional.of(append(run, null));
    }
    if (!run.runId().equals(lastRun.runId())) {
      return Optional.empty();
    }
    if (lastRun.equals(RunMark.of(run))) {
      return Optional.of(this);
    }
    boolean countedReplaced = replaced != null && RunMark.of(replaced).equals(lastRun);
    if (!countedReplaced || lastRun.outcome().isExecuted()) {
      return Optional.empty();
    }
    return Optional.of(append(run, lastRun.outcome()));
  }

  /** This history with a run newer than every run it counted; {@code uncounted} is the outcome it replaces. */
  private ExperimentHistory append(RunRecord run, Outcome uncounted) {
    EnumMap<Outcome, Integer> nextCounts = new EnumMap<>(Outcome.class);
    nextCounts.putAll(counts);
    if (uncounted != null) {
      nextCounts.merge(uncounted, -1, Integer::sum);
    }
    nextCounts.merge(run.outcome(), 1, Integer::sum);
    RunMark mark = RunMark.of(run);
    String nextTitle = run.title() != null ? run.title() : title;
    if (!run.outcome().isExecuted()) {
      return new ExperimentHistory(experimentId, nextTitle, mark, lastExecuted, nextCounts, lastDeviation, streak,
          revisionAtLastChange);
    }
    boolean changed = streak == null || streak.outcome() != run.outcome();
    return new ExperimentHistory(experimentId, nextTitle, mark, mark, nextCounts,
        run.outcome() == Outcome.DEVIATED ? mark : lastDeviation,
        changed ? new Streak(run.outcome(), 1) : new Streak(run.outcome(), streak.length() + 1),
        changed ? run.trigger().revision() : revisionAtLastChange);
  }

  public int count(Outcome outcome) {
    return counts.getOrDefault(outcome, 0);
  }

  public int executedRuns() {
    return counts.entrySet().stream().filter(e -> e.getKey().isExecuted()).mapToInt(Map.Entry::getValue).sum();
  }

  /** Completed-and-held runs over executed runs, from 0 to 1; empty before the first executed run. */
  public OptionalDouble successRate() {
    int executed = executedRuns();
    return executed == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count(Outcome.COMPLETED) / executed);
  }

  /** The line {@link JournalStore#experiments()} lists. */
  public ExperimentSummary summary() {
    return lastRun == null
        ? new ExperimentSummary(experimentId, title, null, null, null)
        : new ExperimentSummary(experimentId, title, lastRun.outcome(), lastRun.runId(), lastRun.startedAt());
  }
}
