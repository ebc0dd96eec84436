package io.chaosfn.experiment.tolerance;

import io.chaosfn.experiment.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads a probe's {@code tolerance} (semantics §1.8, §2.1 item 8) and checks a probe's output against it. */
public final class Tolerances {
  private static final Logger LOG = LoggerFactory.getLogger(Tolerances.class);
  private static final String UNSUPPORTED_KIND = "hypothesis probe tolerance must either be an integer, a string, "
      + "a boolean or a pair of values for boundaries. It can also be a dictionary which is a probe activity "
      + "definition that takes an argument called `value` with the value of the probe itself to be validated";

  private Tolerances() {}

  /**
   * Reads a tolerance, reporting each problem with Chaos Toolkit's message: at {@code problems}' path (the
   * caller's {@code ...tolerance}) for the tolerance as a whole, one key deeper for a bad {@code pattern},
   * {@code path} or {@code range}. A probe-tolerance is not checked as an activity here: use
   * {@link #parse(JsonNode, Problems, BiConsumer)} for that.
   *
   * @return the tolerance, or empty when a problem was reported
   */
  public static Optional<Tolerance> parse(JsonNode node, Problems problems) {
    return parse(node, problems, (probe, at) -> { });
  }

  /**
   * As {@link #parse(JsonNode, Problems)}, and a probe-tolerance is also handed to {@code probeValidation} with
   * {@code problems}, to be checked as an activity (Chaos Toolkit's {@code ensure_activity_is_valid}).
   */
  public static Optional<Tolerance> parse(
      JsonNode node, Problems problems, BiConsumer<ObjectNode, Problems> probeValidation) {
    int before = problems.count();
    Optional<Tolerance> tolerance = read(node == null ? NullNode.getInstance() : node, problems, probeValidation);
    return problems.count() == before ? tolerance : Optional.empty();
  }

  /**
   * The run-time check of {@code value} (a probe's output) against the document's {@code toleranceNode}: a
   * string tolerance is substituted as a whole first and its new type decides; see {@link Tolerance#accepts}.
   * A tolerance that is invalid (possible with {@code --no-validation}, or after substitution) is "not met",
   * as Chaos Toolkit's dispatch on an unknown type returns nothing.
   */
  public static boolean isMet(JsonNode toleranceNode, JsonNode value, ToleranceContext context) {
    Problems problems = new Problems();
    Optional<Tolerance> tolerance = parse(toleranceNode, problems);
    if (tolerance.isEmpty()) {
      LOG.debug("tolerance not met: the tolerance is invalid: {}", problems.list());
      return false;
    }
    return tolerance.get().accepts(value == null ? NullNode.getInstance() : value, context);
  }

  /** The {@code status} of an http or process output (any object with that key), as Chaos Toolkit looks it up. */
  static Optional<JsonNode> status(JsonNode value) {
    return value != null && value.isObject() && value.has("status")
        ? Optional.of(value.get("status"))
        : Optional.empty();
  }

  /**
   * The output's {@code target} entry, or the whole output when there is no such entry.
   *
   * <p>CTK difference: with a target, Chaos Toolkit calls {@code value.get(target, value)}, which crashes when
   * the output is not an object; chaosfn falls back to the whole output there too.
   */
  static JsonNode select(JsonNode value, Optional<String> target) {
    if (target.isPresent() && value != null && value.isObject() && value.has(target.get())) {
      return value.get(target.get());
    }
    return value;
  }

  private static Optional<Tolerance> read(
      JsonNode node, Problems problems, BiConsumer<ObjectNode, Problems> probeValidation) {
    if (node.isBoolean()) {
      return Optional.of(new BooleanTolerance(node.booleanValue()));
    }
    if (node.isIntegralNumber()) {
      return Optional.of(new IntegerTolerance(node.bigIntegerValue()));
    }
    if (node.isString()) {
      return Optional.of(new StringTolerance(node.stringValue()));
    }
    if (node.isArray()) {
      List<JsonNode> values = new ArrayList<>();
      node.values().forEach(values::add);
      return Optional.of(new ListTolerance(values));
    }
    if (!node.isObject()) {
      problems.add(UNSUPPORTED_KIND);
      return Optional.empty();
    }
    JsonNode type = node.get("type");
    String kind = type != null && type.isString() ? type.stringValue() : "";
    switch (kind) {
      case "probe":
        probeValidation.accept((ObjectNode) node, problems);
        return Optional.of(new ProbeTolerance((ObjectNode) node));
      case "regex":
        return regex(node, problems);
      case "jsonpath":
        return jsonPath(node, problems);
      case "range":
        return range(node, problems);
      default:
        problems.add("hypothesis probe tolerance type '" + PythonValues.str(type) + "' is unsupported");
        return Optional.empty();
    }
  }

  private static Optional<Tolerance> regex(JsonNode node, Problems problems) {
    JsonNode pattern = node.get("pattern");
    if (pattern == null) {
      problems.add("hypothesis regex probe tolerance must have a `pattern` key");
      return Optional.empty();
    }
    if (!pattern.isString()) {
      problems.at("pattern").add(
          "hypothesis probe tolerance pattern " + PythonValues.str(pattern) + " has an invalid type");
      return Optional.empty();
    }
    try {
      PythonRegex.compile(pattern.stringValue());
    } catch (PatternSyntaxException invalid) {
      // CTK difference: the reason after the colon is Java's or the translator's wording, not Python's.
      problems.at("pattern").add("hypothesis probe tolerance pattern " + pattern.stringValue()
          + " seems invalid: " + invalid.getDescription());
      return Optional.empty();
    }
    return Optional.of(new RegexTolerance(pattern.stringValue(), target(node)));
  }

  private static Optional<Tolerance> jsonPath(JsonNode node, Problems problems) {
    JsonNode path = node.get("path");
    if (path == null) {
      problems.add("hypothesis jsonpath probe tolerance must have a `path` key");
      return Optional.empty();
    }
    Problems at = problems.at("path");
    if (!path.isString()) {
      at.add("hypothesis probe tolerance JSON path " + PythonValues.str(path) + " has an invalid type");
      return Optional.empty();
    }
    String stripped = path.stringValue().strip();
    if (stripped.isEmpty()) {
      at.add("hypothesis probe tolerance JSON path cannot be empty");
      return Optional.empty();
    }
    try {
      JsonPaths.compile(stripped);
    } catch (RuntimeException invalid) {
      at.add("hypothesis probe tolerance JSON path " + stripped + " is invalid");
      return Optional.empty();
    }
    JsonNode count = node.get("count");
    return Optional.of(new JsonPathTolerance(path.stringValue(), target(node),
        Optional.ofNullable(node.get("expect")),
        count == null || count.isNull() ? Optional.empty() : Optional.of(count)));
  }

  private static Optional<Tolerance> range(JsonNode node, Problems problems) {
    JsonNode range = node.get("range");
    if (range == null) {
      problems.add("hypothesis range probe tolerance must have a `range` key");
      return Optional.empty();
    }
    Problems at = problems.at("range");
    if (!range.isArray()) {
      at.add("hypothesis range must be a sequence");
      return Optional.empty();
    }
    if (range.size() != 2) {
      at.add("hypothesis range sequence must be made of two values");
      return Optional.empty();
    }
    boolean valid = true;
    if (!isFiniteNumber(range.get(0))) {
      at.at(0).add("hypothesis range lower boundary must be a number");
      valid = false;
    }
    if (!isFiniteNumber(range.get(1))) {
      at.at(1).add("hypothesis range upper boundary must be a number");
      valid = false;
    }
    return valid
        ? Optional.of(new RangeTolerance(
            PythonValues.decimal(range.get(0)), PythonValues.decimal(range.get(1)), target(node)))
        : Optional.empty();
  }

  /**
   * A bound must be a number, a boolean counting as one in Python.
   *
   * <p>CTK difference: a YAML {@code .inf} or {@code .nan} bound is refused here; Python accepts it and then
   * crashes on the NaN or never meets the infinity.
   */
  private static boolean isFiniteNumber(JsonNode bound) {
    return PythonValues.isNumeric(bound) && PythonValues.toDecimal(bound).isPresent();
  }

  /** Chaos Toolkit uses a target only when it is truthy; only a string can name an entry of a JSON object. */
  private static Optional<String> target(JsonNode node) {
    JsonNode target = node.get("target");
    return target != null && target.isString() && !target.stringValue().isEmpty()
        ? Optional.of(target.stringValue())
        : Optional.empty();
  }
}
