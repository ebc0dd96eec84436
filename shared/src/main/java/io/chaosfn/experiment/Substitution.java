package io.chaosfn.experiment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Placeholder replaced by the document work on merge. */
public final class Substitution {
  public Substitution(ObjectNode configuration, ObjectNode secrets) {}

  public JsonNode apply(JsonNode node) {
    return node;
  }

  public boolean isEmpty() {
    return true;
  }
}
