package io.chaosfn.engine.control;

import io.chaosfn.engine.StopSignal;
import io.chaosfn.experiment.Experiment;
import java.time.Clock;
import tools.jackson.databind.JsonNode;

/** What a native control may use: the experiment, the run's stop signal, and a way to check a probe. */
public interface ControlEnvironment {
  Experiment experiment();

  StopSignal stop();

  Clock clock();

  /**
   * Runs a probe (an activity object with a tolerance, as written in the control's arguments) and says whether
   * its output is within its tolerance; a probe that fails to run is not within it.
   */
  ProbeVerdict check(JsonNode probe);

  /** The outcome of {@link #check}: met, and if not, why, in one line. */
  record ProbeVerdict(String name, boolean met, String reason) {}
}
