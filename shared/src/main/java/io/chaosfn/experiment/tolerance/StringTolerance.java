package io.chaosfn.experiment.tolerance;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code "tolerance": "ok"}: substituted as a whole first, so {@code "${expected}"} may become another kind of
 * tolerance (an integer, a list...), which then decides. A string that stays a string is met by an output
 * that is exactly that string; there is no {@code status} shortcut, so it never matches an http or process
 * output (a regex tolerance with a {@code target} does that).
 */
public record StringTolerance(String expected) implements Tolerance {
  public StringTolerance {
    Objects.requireNonNull(expected, "expected");
  }

  @Override
  public boolean accepts(JsonNode value, ToleranceContext context) {
    JsonNode substituted = context.substitute(JsonNodeFactory.instance.stringNode(expected));
    if (substituted != null && substituted.isString()) {
      return PythonValues.equal(value, substituted);
    }
    return Tolerances.isMet(substituted, value, context);
  }
}
