package io.chaosfn.notify;

import io.chaosfn.store.ExperimentHistory;
import io.chaosfn.store.Outcome;
import java.util.Optional;

/**
 * One line comparing a run with the runs of the same experiment before it: "Newly deviating since r2",
 * "Recovered at r3", "Still deviating (4 runs)". Pure: the caller passes the history as it was before this run.
 */
public final class Headline {
  private Headline() {}

  /**
   * @param previous the experiment's history without this run (from {@code JournalStore.history} before the run
   *     was stored), or null when it has none
   * @param outcome this run's outcome
   * @param revision this run's trigger revision (a deploy's), or null
   * @return empty when there is nothing to compare: a first run, an unchanged success, or an outcome that says
   *     nothing about the hypothesis (interrupted, aborted, failed)
   */
  public static Optional<String> of(ExperimentHistory previous, Outcome outcome, String revision) {
    ExperimentHistory.RunMark last = previous == null ? null : previous.lastExecuted();
    if (last == null) {
      return Optional.empty();
    }
    boolean wasDeviating = last.outcome() == Outcome.DEVIATED;
    if (outcome == Outcome.DEVIATED && wasDeviating) {
      int runs = previous.streak().length() + 1;
      String since = previous.revisionAtLastChange() == null ? "" : ", since " + previous.revisionAtLastChange();
      return Optional.of("Still deviating (" + runs + " runs" + since + ")");
    }
    if (outcome == Outcome.DEVIATED) {
      return Optional.of(revision == null ? "Newly deviating" : "Newly deviating since " + revision);
    }
    if (outcome == Outcome.COMPLETED && wasDeviating) {
      return Optional.of(revision == null ? "Recovered" : "Recovered at " + revision);
    }
    return Optional.empty();
  }
}
