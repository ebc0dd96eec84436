package io.chaosfn.functions.cli;

import io.chaosfn.engine.Phase;
import io.chaosfn.engine.RunListener;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.RunItem;
import io.chaosfn.engine.journal.SteadyState;
import io.chaosfn.experiment.Activity;
import io.chaosfn.experiment.Experiment;
import java.io.PrintStream;

/** One line per activity on stderr when it starts, and one with its status and duration when it ends. */
final class ProgressPrinter implements RunListener {
  private final PrintStream err;

  ProgressPrinter(PrintStream err) {
    this.err = err;
  }

  @Override
  public void runStarted(Experiment experiment, Journal snapshot) {
    err.println("[run] " + experiment.title());
  }

  @Override
  public void hypothesisCompleted(Phase phase, SteadyState state) {
    err.println("[hypothesis " + phase.journalName() + "] " + (state.steadyStateMet() ? "met" : "NOT met"));
  }

  @Override
  public void activityStarting(Activity activity, Phase phase) {
    err.println("[" + phase.journalName() + "] " + activity.kind().documentName() + " '" + activity.name()
        + "' starting");
  }

  @Override
  public void activityCompleted(Activity activity, Phase phase, RunItem item) {
    String status = item.status() == null ? "interrupted" : item.status();
    String tolerance = item.toleranceMet() == null ? "" : item.toleranceMet() ? ", within tolerance" : ", OUT of tolerance";
    err.println("[" + phase.journalName() + "] " + activity.kind().documentName() + " '" + activity.name() + "' "
        + status + " in " + seconds(item.duration()) + " s" + tolerance);
  }

  @Override
  public void runFinished(Journal journal) {
    err.println("[run] " + journal.status() + (journal.deviated() ? ", deviated" : "") + " in "
        + seconds(journal.duration()) + " s");
  }

  /**
   * Seconds with three decimals, rounded half up. Not {@code String.format}: on a cold JVM each call costs ~0.1 ms,
   * a fifth of a process probe's overhead in a 200-probe run (docs/performance.md).
   */
  static String seconds(double seconds) {
    long millis = Math.round(Math.abs(seconds) * 1000);
    String fraction = Long.toString(1000 + millis % 1000).substring(1);
    return (seconds < 0 && millis > 0 ? "-" : "") + millis / 1000 + "." + fraction;
  }
}
