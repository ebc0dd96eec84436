package io.chaosfn.experiment;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Python's {@code str()} of the values Chaos Toolkit holds after loading JSON, because that is what
 * {@code string.Template} writes when a non-string value lands inside a larger string (§1.11): {@code True},
 * {@code None}, {@code {'a': 1}}, {@code 1e+20}.
 */
final class PythonText {
  private PythonText() {}

  static String str(JsonNode value) {
    return value.isString() ? value.asString() : repr(value);
  }

  static String repr(JsonNode value) {
    if (value.isString()) {
      return reprString(value.asString());
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? "True" : "False";
    }
    if (value.isNull() || value.isMissingNode()) {
      return "None";
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    if (value.isNumber()) {
      return reprFloat(value.doubleValue());
    }
    if (value.isArray()) {
      StringBuilder out = new StringBuilder("[");
      for (Iterator<JsonNode> items = value.values().iterator(); items.hasNext(); ) {
        out.append(repr(items.next())).append(items.hasNext() ? ", " : "");
      }
      return out.append(']').toString();
    }
    StringBuilder out = new StringBuilder("{");
    for (Iterator<Map.Entry<String, JsonNode>> entries = value.properties().iterator(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      out.append(reprString(entry.getKey())).append(": ").append(repr(entry.getValue()));
      out.append(entries.hasNext() ? ", " : "");
    }
    return out.append('}').toString();
  }

  /** Python's float repr: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
  static String reprFloat(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exponent = exact.precision() - exact.scale() - 1;
    if (exponent >= -4 && exponent < 16) {
      String plain = exact.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String digits = exact.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String sign = d < 0 ? "-" : "";
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
  }

  /** Python's repr of a str: single quotes unless the text holds a single quote and no double quote. */
  static String reprString(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    s.codePoints().forEach(cp -> out.append(escape(cp, quote)));
    return out.append(quote).toString();
  }

  private static String escape(int cp, char quote) {
    if (cp == quote || cp == '\\') {
      return "\\" + (char) cp;
    }
    if (cp == '\n') {
      return "\\n";
    }
    if (cp == '\r') {
      return "\\r";
    }
    if (cp == '\t') {
      return "\\t";
    }
    if (cp < 0x20 || cp == 0x7f) {
      return String.format("\\x%02x", cp);
    }
    return new String(Character.toChars(cp));
  }
}
