package io.chaosfn.experiment.tolerance;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/**
 * {@code "tolerance": [200, 201]}. Against an object with a {@code status} (http, process): the status must be
 * one of the values. Otherwise, with exactly two values: an inclusive range {@code values[0] <= output <=
 * values[1]} by Python's ordering (numbers, strings, lists); with any other count: membership. So the same
 * {@code [200, 201]} is membership for an http output but a range for a number (semantics §10.6).
 */
public record ListTolerance(List<JsonNode> values) implements Tolerance {
  public ListTolerance {
    values = List.copyOf(values);
  }

  @Override
  public boolean accepts(JsonNode value, ToleranceContext context) {
    Optional<JsonNode> status = Tolerances.status(value);
    if (status.isPresent()) {
      return PythonValues.contains(values, status.get());
    }
    if (values.size() == 2) {
      // CTK difference: Python raises TypeError for bounds it cannot order against the output and the run
      // crashes; here that is "not met".
      OptionalInt low = PythonValues.compare(values.get(0), value);
      if (low.isEmpty() || low.getAsInt() > 0) {
        return false;
      }
      OptionalInt high = PythonValues.compare(value, values.get(1));
      return high.isPresent() && high.getAsInt() <= 0;
    }
    return PythonValues.contains(values, value);
  }
}
