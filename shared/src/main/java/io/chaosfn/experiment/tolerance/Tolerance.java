package io.chaosfn.experiment.tolerance;

import tools.jackson.databind.JsonNode;

/**
 * A steady-state hypothesis probe's tolerance (Chaos Toolkit semantics §1.8): what a probe's output must be for
 * the hypothesis to hold. Made by {@link Tolerances#parse}; one variant per kind of tolerance.
 */
public sealed interface Tolerance
    permits BooleanTolerance, IntegerTolerance, StringTolerance, ListTolerance, RegexTolerance,
        JsonPathTolerance, RangeTolerance, ProbeTolerance {

  /**
   * True when {@code value}, the probe's output ({@code {status, headers, body}} for http, {@code {status,
   * stdout, stderr}} for process, the raw return otherwise), is within this tolerance.
   *
   * <p>Never throws for a value it cannot judge: a comparison Python would refuse with an exception (a range
   * between a number and a string, a regex against an object, a probe-tolerance that fails) is "not met".
   * The context substitutes configuration and secrets into the parts Chaos Toolkit substitutes (a string
   * tolerance as a whole, a regex pattern, a JSON path and its {@code expect}) and runs probe-tolerances.
   */
  boolean accepts(JsonNode value, ToleranceContext context);
}
