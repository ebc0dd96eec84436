package io.chaosfn.activity;

import tools.jackson.databind.JsonNode;

/** Small readings of provider fields that every provider's validation shares. */
public final class ProviderFields {
  private ProviderFields() {}

  /**
   * True for a string holding a {@code ${...}} reference: its value is known only after substitution, so
   * validation must not judge its type.
   */
  public static boolean isPlaceholder(JsonNode node) {
    return node != null && node.isString() && node.stringValue().contains("${");
  }

  /** What a problem message says was found instead of the expected type. */
  public static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isString()) {
      return "the string '" + node.stringValue() + "'";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNull()) {
      return "null";
    }
    return "the number " + node;
  }
}
