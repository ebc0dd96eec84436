package io.chaosfn.experiment.tolerance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What checking a tolerance needs from the run: substitution, and running a probe used as a tolerance. */
public interface ToleranceContext {
  /** Applies the run's configuration and secrets to a node (Chaos Toolkit's substitution rules). */
  JsonNode substitute(JsonNode node);

  /**
   * Runs {@code probe} (an activity object, its provider arguments already holding {@code value}) and returns
   * its output; throws when the probe fails, which means "not met".
   */
  JsonNode runProbe(ObjectNode probe);
}
