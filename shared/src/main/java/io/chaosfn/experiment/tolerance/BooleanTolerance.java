package io.chaosfn.experiment.tolerance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;

/**
 * {@code "tolerance": true}: met when the output equals the boolean by Python's {@code ==}, so {@code 1} meets
 * {@code true} and {@code 0} meets {@code false} (semantics §10.5, kept for compatibility).
 */
public record BooleanTolerance(boolean expected) implements Tolerance {
  @Override
  public boolean accepts(JsonNode value, ToleranceContext context) {
    return PythonValues.equal(value, BooleanNode.valueOf(expected));
  }
}
