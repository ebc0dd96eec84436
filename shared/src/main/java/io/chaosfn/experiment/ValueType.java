package io.chaosfn.experiment;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The value types an {@code env} configuration entry ({@code env_var_type}, §1.9) and a {@code --var
 * KEY:TYPE=VALUE} (§3.9) convert text into, with Python's conversion rules.
 */
public enum ValueType {
  STR,
  INT,
  FLOAT,
  BYTES,
  BOOL,
  JSON;

  public static final String NAMES = "str, string, int, integer, float, number, bytes, bool or json";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern PY_INT = Pattern.compile("\\s*[+-]?[0-9]+(?:_[0-9]+)*\\s*");
  private static final Pattern PY_FLOAT =
      Pattern.compile(
          "\\s*[+-]?(?:(?:[0-9]+(?:_[0-9]+)*)?\\.?[0-9]+(?:_[0-9]+)*(?:[eE][+-]?[0-9]+(?:_[0-9]+)*)?"
              + "|[0-9]+(?:_[0-9]+)*\\.(?:[eE][+-]?[0-9]+)?)\\s*");
  private static final Pattern PY_FLOAT_SPECIAL =
      Pattern.compile("\\s*([+-]?)(inf|infinity|nan)\\s*", Pattern.CASE_INSENSITIVE);
  private static final JsonMapper STRICT_JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** The type a Chaos Toolkit type name denotes ({@code str}/{@code string}, {@code int}/{@code integer}, ...). */
  public static Optional<ValueType> named(String name) {
    switch (name) {
      case "str":
      case "string":
        return Optional.of(STR);
      case "int":
      case "integer":
        return Optional.of(INT);
      case "float":
      case "number":
        return Optional.of(FLOAT);
      case "bytes":
        return Optional.of(BYTES);
      case "bool":
        return Optional.of(BOOL);
      case "json":
        return Optional.of(JSON);
      default:
        return Optional.empty();
    }
  }

  /**
   * Converts text as Python would: {@code int()} and {@code float()} (surrounding blanks and digit
   * underscores allowed), {@code bool} false only for {@code false}, {@code 0} and {@code no} in any case,
   * {@code json} strict with the empty string passed through.
   *
   * @throws IllegalArgumentException with Python's message when the text does not convert
   */
  public JsonNode convert(String text) {
    switch (this) {
      case INT:
        if (!PY_INT.matcher(text).matches()) {
          throw new IllegalArgumentException("invalid literal for int() with base 10: " + PythonText.reprString(text));
        }
        return NODES.numberNode(new BigInteger(text.strip().replace("_", "")));
      case FLOAT:
        return NODES.numberNode(toFloat(text));
      case BOOL:
        String lower = text.toLowerCase(Locale.ROOT);
        return NODES.booleanNode(!(lower.equals("false") || lower.equals("0") || lower.equals("no")));
      case JSON:
        return text.isEmpty() ? NODES.stringNode(text) : parseJson(text);
      default:
        // CTK difference: `bytes` gives the same text; a JSON tree has no byte strings.
        return NODES.stringNode(text);
    }
  }

  private static double toFloat(String text) {
    var special = PY_FLOAT_SPECIAL.matcher(text);
    if (special.matches()) {
      double value = special.group(2).equalsIgnoreCase("nan") ? Double.NaN : Double.POSITIVE_INFINITY;
      return special.group(1).equals("-") ? -value : value;
    }
    if (!PY_FLOAT.matcher(text).matches()) {
      throw new IllegalArgumentException("could not convert string to float: " + PythonText.reprString(text));
    }
    return new BigDecimal(text.strip().replace("_", "")).doubleValue();
  }

  private static JsonNode parseJson(String text) {
    try {
      return STRICT_JSON.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
