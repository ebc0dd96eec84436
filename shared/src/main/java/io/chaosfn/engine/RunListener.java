package io.chaosfn.engine;

import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.RunItem;
import io.chaosfn.engine.journal.SteadyState;
import io.chaosfn.experiment.Activity;
import io.chaosfn.experiment.Experiment;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hooks of a run, around the experiment, each hypothesis evaluation, the method, the rollbacks and each
 * activity (Chaos Toolkit's controls and event handlers in one). Every method has a no-op default.
 *
 * <p>A hook that throws {@link RunInterruptedException} interrupts the run, as a Chaos Toolkit control raising
 * {@code InterruptExecution} does. Any other exception is logged at WARN and the run goes on: a broken
 * notifier never changes an outcome. Hooks run on the runner thread, except the {@code DURING} hypothesis
 * hooks (the continuous loop's thread) and activity hooks of background activities (their pool's threads).
 */
public interface RunListener {
  default void runStarted(Experiment experiment, Journal snapshot) {}

  default void hypothesisStarting(Phase phase) {}

  default void hypothesisCompleted(Phase phase, SteadyState state) {}

  default void methodStarting() {}

  default void methodCompleted(List<RunItem> items) {}

  default void rollbacksStarting() {}

  default void rollbacksCompleted(List<RunItem> items) {}

  default void activityStarting(Activity activity, Phase phase) {}

  default void activityCompleted(Activity activity, Phase phase, RunItem item) {}

  /** The journal is final; called once, also after an interruption. */
  default void runFinished(Journal journal) {}

  /**
   * What this listener failed to deliver during the run, as {@code chaosfn.notifications} entries. The runner
   * asks once, after the rollbacks and before the journal's final snapshot, and records them there.
   */
  default List<ObjectNode> notifications() {
    return List.of();
  }
}
