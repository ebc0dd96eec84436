package io.chaosfn.experiment.tolerance;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Python's {@code ==}, {@code <=}, truthiness, {@code Decimal(...)} and {@code str()} over JSON values, because
 * Chaos Toolkit compares a probe's output with a tolerance using Python operators. Booleans take part in
 * arithmetic comparisons as 0 and 1, as in Python (semantics §10.5, kept on purpose).
 */
final class PythonValues {
  private static final Pattern DIGIT_UNDERSCORE = Pattern.compile("(?<=\\d)_(?=\\d)");

  private PythonValues() {}

  /** Python's {@code a == b}: numbers and booleans by value, strings exactly, containers element by element. */
  static boolean equal(JsonNode a, JsonNode b) {
    if (isNull(a) || isNull(b)) {
      return isNull(a) && isNull(b);
    }
    if (isNumeric(a) && isNumeric(b)) {
      return compareNumbers(a, b) == 0;
    }
    if (a.isString() && b.isString()) {
      return a.stringValue().equals(b.stringValue());
    }
    if (a.isArray() && b.isArray()) {
      return a.size() == b.size() && firstDifference(a, b) == a.size();
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> entry : a.properties()) {
        JsonNode other = b.get(entry.getKey());
        if (other == null || !equal(entry.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** Python's {@code value in values}. */
  static boolean contains(Iterable<JsonNode> values, JsonNode value) {
    for (JsonNode candidate : values) {
      if (equal(value, candidate)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Python's ordering of {@code a} and {@code b} (negative, zero, positive), or empty where Python raises
   * {@code TypeError} (a number against a string, anything against {@code None} or a dict).
   */
  static OptionalInt compare(JsonNode a, JsonNode b) {
    if (isNumeric(a) && isNumeric(b)) {
      return OptionalInt.of(compareNumbers(a, b));
    }
    if (a.isString() && b.isString()) {
      return OptionalInt.of(compareCodePoints(a.stringValue(), b.stringValue()));
    }
    if (a.isArray() && b.isArray()) {
      int index = firstDifference(a, b);
      if (index < Math.min(a.size(), b.size())) {
        return compare(a.get(index), b.get(index));
      }
      return OptionalInt.of(Integer.compare(a.size(), b.size()));
    }
    return OptionalInt.empty();
  }

  /** Python's truthiness: {@code None}, {@code False}, zero, and empty strings, lists and dicts are false. */
  static boolean truthy(JsonNode value) {
    if (isNull(value)) {
      return false;
    }
    if (isNumeric(value)) {
      return decimal(value).signum() != 0;
    }
    if (value.isString()) {
      return !value.stringValue().isEmpty();
    }
    if (value.isContainer()) {
      return value.size() > 0;
    }
    return true;
  }

  /**
   * Python's {@code Decimal(value)} for the values a range tolerance accepts: numbers (booleans as 0 and 1)
   * and numeric strings (surrounding whitespace and underscores between digits allowed). Empty when Python
   * would refuse the value or when it is not finite (infinities never fall inside finite bounds; a NaN makes
   * Python raise).
   */
  static Optional<BigDecimal> toDecimal(JsonNode value) {
    if (isNumeric(value)) {
      return finite(value) ? Optional.of(decimal(value)) : Optional.empty();
    }
    if (value != null && value.isString()) {
      String text = DIGIT_UNDERSCORE.matcher(value.stringValue().strip()).replaceAll("");
      try {
        return Optional.of(new BigDecimal(text));
      } catch (NumberFormatException notANumber) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** True for what Python's {@code numbers.Number} accepts from JSON: integers, floats and booleans. */
  static boolean isNumeric(JsonNode value) {
    return value != null && (value.isNumber() || value.isBoolean());
  }

  /**
   * The exact value of a number (a float's exact binary value, as Python's {@code Decimal(float)}); booleans
   * are 0 and 1.
   */
  static BigDecimal decimal(JsonNode value) {
    if (value.isBoolean()) {
      return value.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (value.isIntegralNumber()) {
      return new BigDecimal(value.bigIntegerValue());
    }
    if (value.isBigDecimal()) {
      return value.decimalValue();
    }
    return new BigDecimal(value.doubleValue());
  }

  /** Python's {@code str()} of a value, as Chaos Toolkit's messages print it ({@code None}, {@code True}). */
  static String str(JsonNode value) {
    if (value != null && value.isString()) {
      return value.stringValue();
    }
    return repr(value);
  }

  private static String repr(JsonNode value) {
    if (isNull(value)) {
      return "None";
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? "True" : "False";
    }
    if (value.isString()) {
      return "'" + value.stringValue().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    if (value.isArray()) {
      StringBuilder text = new StringBuilder("[");
      for (Iterator<JsonNode> items = value.values().iterator(); items.hasNext(); ) {
        text.append(repr(items.next())).append(items.hasNext() ? ", " : "");
      }
      return text.append(']').toString();
    }
    if (value.isObject()) {
      StringBuilder text = new StringBuilder("{");
      Iterator<Map.Entry<String, JsonNode>> entries = value.properties().iterator();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        text.append(repr(JsonNodeFactory.instance.stringNode(entry.getKey()))).append(": ")
            .append(repr(entry.getValue())).append(entries.hasNext() ? ", " : "");
      }
      return text.append('}').toString();
    }
    return value.asString();
  }

  private static boolean isNull(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode();
  }

  private static boolean finite(JsonNode value) {
    return !value.isFloatingPointNumber() || value.isBigDecimal() || Double.isFinite(value.doubleValue());
  }

  private static int compareNumbers(JsonNode a, JsonNode b) {
    if (finite(a) && finite(b)) {
      return decimal(a).compareTo(decimal(b));
    }
    return Double.compare(decimalOrDouble(a), decimalOrDouble(b));
  }

  private static double decimalOrDouble(JsonNode number) {
    return number.isBoolean() ? decimal(number).doubleValue() : number.doubleValue();
  }

  /** Index of the first pair of elements that are not equal, or the shorter size when one is a prefix. */
  private static int firstDifference(JsonNode a, JsonNode b) {
    int shorter = Math.min(a.size(), b.size());
    for (int i = 0; i < shorter; i++) {
      if (!equal(a.get(i), b.get(i))) {
        return i;
      }
    }
    return shorter;
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
