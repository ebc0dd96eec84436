package io.chaosfn.experiment;

import tools.jackson.databind.JsonNode;

/** How messages name the kind of a JSON value a user wrote: "a list", "a string", "null". */
public final class JsonKind {
  private JsonKind() {}

  public static String of(JsonNode node) {
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isString()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return "null";
  }
}
