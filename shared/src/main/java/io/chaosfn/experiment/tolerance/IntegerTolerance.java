package io.chaosfn.experiment.tolerance;

import java.math.BigInteger;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code "tolerance": 200}: met when the output's {@code status} (an http or process output, or any object with
 * that key) or else the output itself equals the integer by Python's {@code ==} ({@code true} equals 1).
 */
public record IntegerTolerance(BigInteger expected) implements Tolerance {
  public IntegerTolerance {
    Objects.requireNonNull(expected, "expected");
  }

  @Override
  public boolean accepts(JsonNode value, ToleranceContext context) {
    return PythonValues.equal(Tolerances.status(value).orElse(value), JsonNodeFactory.instance.numberNode(expected));
  }
}
