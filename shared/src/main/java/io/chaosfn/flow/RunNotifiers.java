package io.chaosfn.flow;

import io.chaosfn.engine.RunContext;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.notify.Notifier;
import io.chaosfn.store.ExperimentHistory;
import java.util.Optional;

/**
 * Makes the notifier of one run (Slack: {@code SlackNotifications::forRun}). The flow adds it to the run's
 * listeners and calls its {@link Notifier#finish} after the journal is stored.
 */
@FunctionalInterface
public interface RunNotifiers {
  /** No notifications: Slack is not configured. */
  RunNotifiers NONE = (experiment, identity, previous, redaction) -> Optional.empty();

  /**
   * @param previous the experiment's history before this run, for the headline; null when it has none
   * @param redaction the run's secret redaction, for every value a message shows
   * @return the run's notifier, or empty when this run is not to be notified
   */
  Optional<Notifier> forRun(Experiment experiment, RunContext.RunIdentity identity, ExperimentHistory previous,
      RunContext.SecretRedaction redaction);
}
