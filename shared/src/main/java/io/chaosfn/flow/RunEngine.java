package io.chaosfn.flow;

import io.chaosfn.activity.Providers;
import io.chaosfn.engine.RunContext;
import io.chaosfn.engine.RunListener;
import io.chaosfn.engine.Runner;
import io.chaosfn.engine.Sleeper;
import io.chaosfn.engine.StopSignal;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.document.Vars;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a function runs an experiment: its inputs resolved against the environment it may read, the strategies
 * the document chooses (no settings file or flags in Lambda), and the time guard.
 *
 * @param environment what {@code env} declarations and activities may read: in Lambda only the variables with
 *     the configured prefix (decisions.md §4)
 * @param rollbackReserve the time kept for rollbacks before the invocation's deadline
 * @param listeners notified of every run (Slack)
 */
public record RunEngine(
    Runner runner,
    Providers providers,
    Map<String, String> environment,
    Duration rollbackReserve,
    List<RunListener> listeners,
    Clock clock,
    Sleeper sleeper,
    RunContext.Host host) {
  public RunEngine {
    Objects.requireNonNull(runner, "runner");
    Objects.requireNonNull(providers, "providers");
    environment = Map.copyOf(environment);
    listeners = List.copyOf(listeners);
    if (rollbackReserve == null || rollbackReserve.isNegative()) {
      throw new IllegalArgumentException("the rollback reserve must be zero or more");
    }
  }

  /**
   * Runs the experiment to its journal.
   *
   * @param deadline when the invocation ends
   * @param stop the run's stop signal; the sweeper passes one already stopped, so only rollbacks play
   * @throws io.chaosfn.experiment.InvalidExperimentException when a configuration or secret cannot be resolved
   */
  Journal execute(Experiment experiment, RunContext.RunIdentity identity, Instant deadline, StopSignal stop) {
    RunInputs inputs = RunInputs.resolve(experiment, Vars.none(), environment, providers, clock);
    Strategies strategies = Strategies.resolve(Optional.empty(), Optional.empty(), experiment, Optional.empty(),
        Optional.empty());
    RunContext context = new RunContext(experiment, inputs.configuration(), inputs.secrets(), inputs.environment(),
        providers, null, strategies.hypothesis(), strategies.rollbacks(), Duration.ofSeconds(1), false, deadline,
        rollbackReserve, listeners, stop, clock, sleeper, host, identity, inputs.redaction());
    return runner.run(context);
  }
}
