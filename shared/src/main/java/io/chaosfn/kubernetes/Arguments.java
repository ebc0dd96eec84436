package io.chaosfn.kubernetes;

import io.chaosfn.activity.ActivityFailedException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an activity's keyword arguments with the Python function's defaults. A missing argument takes the
 * default; a value of the wrong type fails the activity, naming the argument.
 */
public final class Arguments {
  private final String func;
  private final ObjectNode values;

  public Arguments(String func, ObjectNode values) {
    this.func = func;
    this.values = values;
  }

  /** True when {@code value} is a string still holding a {@code ${...}} placeholder, unknown before the run. */
  public static boolean isPlaceholder(JsonNode value) {
    return value != null && value.isString() && value.stringValue().contains("${");
  }

  public boolean has(String name) {
    JsonNode value = node(name);
    return value != null && !value.isNull();
  }

  /** The raw value, or {@code null} when the argument is absent. */
  public JsonNode node(String name) {
    return values == null ? null : values.get(name);
  }

  /** A string argument; absent or JSON null gives {@code defaultValue}. */
  public String string(String name, String defaultValue) {
    JsonNode value = node(name);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (value.isString()) {
      return value.stringValue();
    }
    if (value.isNumber() || value.isBoolean()) {
      return value.asString();
    }
    throw wrongType(name, "a string", value);
  }

  /** A string argument that has no default; empty strings count as absent, as Python's truthiness does. */
  public Optional<String> optionalString(String name) {
    return Optional.ofNullable(string(name, null)).filter(s -> !s.isEmpty());
  }

  /** An integer argument; numeric strings are accepted because substituted values arrive as strings. */
  public int integer(String name, int defaultValue) {
    JsonNode value = node(name);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.asInt();
    }
    if (value.isString()) {
      try {
        return Integer.parseInt(value.stringValue().trim());
      } catch (NumberFormatException e) {
        throw wrongType(name, "an integer", value);
      }
    }
    throw wrongType(name, "an integer", value);
  }

  /** A boolean argument; the strings {@code true} and {@code false} are accepted for substituted values. */
  public boolean bool(String name, boolean defaultValue) {
    JsonNode value = node(name);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isString() && (value.stringValue().equals("true") || value.stringValue().equals("false"))) {
      return Boolean.parseBoolean(value.stringValue());
    }
    throw wrongType(name, "a boolean", value);
  }

  private ActivityFailedException wrongType(String name, String expected, JsonNode found) {
    return new ActivityFailedException(
        "argument '" + name + "' of " + func + " must be " + expected + ", found " + found);
  }
}
