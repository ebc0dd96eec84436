package io.chaosfn.activity.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/**
 * The {@code arguments} object as a query string or a form body, encoded as Python's requests encodes a dict:
 * {@code null} values left out, a list repeats its key, booleans written {@code True} / {@code False}.
 */
final class HttpArguments {
  private HttpArguments() {}

  static String formEncode(JsonNode arguments) {
    StringJoiner pairs = new StringJoiner("&");
    if (arguments == null || !arguments.isObject()) {
      return "";
    }
    for (Map.Entry<String, JsonNode> entry : arguments.properties()) {
      JsonNode value = entry.getValue();
      if (value.isArray()) {
        value.values().forEach(element -> add(pairs, entry.getKey(), element));
      } else {
        add(pairs, entry.getKey(), value);
      }
    }
    return pairs.toString();
  }

  private static void add(StringJoiner pairs, String key, JsonNode value) {
    if (value.isNull() || value.isMissingNode()) {
      return;
    }
    pairs.add(encode(key) + "=" + encode(pythonText(value)));
  }

  /** Python's {@code str()} of the value; a nested object is sent as its JSON text. */
  private static String pythonText(JsonNode value) {
    if (value.isBoolean()) {
      return value.booleanValue() ? "True" : "False";
    }
    if (value.isString()) {
      return value.stringValue();
    }
    if (value.isContainer()) {
      return value.toString();
    }
    return value.asString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
