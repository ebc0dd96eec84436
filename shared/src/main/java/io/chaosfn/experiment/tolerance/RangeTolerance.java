package io.chaosfn.experiment.tolerance;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * {@code {"type": "range", "range": [lo, hi], "target": K}}: met when the output (or its {@code K} entry) read
 * as a decimal number (numeric strings too) lies in {@code [lo, hi]}, bounds included.
 */
public record RangeTolerance(BigDecimal low, BigDecimal high, Optional<String> target) implements Tolerance {
  private static final Logger LOG = LoggerFactory.getLogger(RangeTolerance.class);

  public RangeTolerance {
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(target, "target");
  }

  @Override
  public boolean accepts(JsonNode value, ToleranceContext context) {
    // CTK difference: Python's Decimal() raises TypeError for null, lists and objects, and comparing a NaN
    // raises too, crashing the run; like a non-numeric string, these are "not met" here.
    Optional<BigDecimal> number = PythonValues.toDecimal(Tolerances.select(value, target));
    if (number.isEmpty()) {
      LOG.debug("range tolerance not met: the value is not a number");
      return false;
    }
    return low.compareTo(number.get()) <= 0 && number.get().compareTo(high) <= 0;
  }
}
