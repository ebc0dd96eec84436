package io.chaosfn.compat;

import io.chaosfn.engine.Phase;
import io.chaosfn.engine.RunInterruptedException;
import io.chaosfn.engine.RunListener;
import io.chaosfn.engine.Stop;
import io.chaosfn.engine.control.ControlEnvironment;
import io.chaosfn.engine.control.NativeControl;
import io.chaosfn.engine.journal.RunItem;
import io.chaosfn.experiment.Activity;
import io.chaosfn.experiment.Control;

/**
 * Test-scope stand-in for the lib's {@code fixtures.interruptexperiment} control module, whose {@code
 * after_activity_control} raises {@code InterruptExecution}: the run is interrupted by a control, so Chaos
 * Toolkit's rule applies (rollbacks only under the {@code always} strategy).
 */
final class InterruptExperimentControl implements NativeControl {
  @Override
  public String module() {
    return "fixtures.interruptexperiment";
  }

  @Override
  public RunListener create(Control declaration, ControlEnvironment environment) {
    return new RunListener() {
      @Override
      public void activityCompleted(Activity activity, Phase phase, RunItem item) {
        throw new RunInterruptedException(Stop.control(declaration.name(), "InterruptExecution after the activity"));
      }
    };
  }
}
