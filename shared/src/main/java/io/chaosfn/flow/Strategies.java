package io.chaosfn.flow;

import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.HypothesisStrategy;
import io.chaosfn.experiment.RollbackStrategy;
import java.util.Optional;

/**
 * The hypothesis and rollback strategies of a run, by Chaos Toolkit's precedence (semantics §3.10): settings,
 * then the experiment's {@code runtime} block (which sets both, each defaulting to {@code default}), then
 * explicit choices (CLI flags).
 */
public record Strategies(HypothesisStrategy hypothesis, RollbackStrategy rollbacks) {
  public static Strategies resolve(Optional<HypothesisStrategy> settingsHypothesis,
      Optional<RollbackStrategy> settingsRollbacks, Experiment experiment,
      Optional<HypothesisStrategy> chosenHypothesis, Optional<RollbackStrategy> chosenRollbacks) {
    HypothesisStrategy hypothesis = settingsHypothesis.orElse(HypothesisStrategy.DEFAULT);
    RollbackStrategy rollbacks = settingsRollbacks.orElse(RollbackStrategy.DEFAULT);
    if (experiment.hasRuntimeBlock()) {
      hypothesis = Optional.ofNullable(experiment.runtimeHypothesis()).orElse(HypothesisStrategy.DEFAULT);
      rollbacks = Optional.ofNullable(experiment.runtimeRollbacks()).orElse(RollbackStrategy.DEFAULT);
    }
    return new Strategies(chosenHypothesis.orElse(hypothesis), chosenRollbacks.orElse(rollbacks));
  }
}
