package io.chaosfn.experiment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test helper: JSON text (single quotes allowed for readability) to trees. */
final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  static JsonNode tree(String json) {
    return MAPPER.readTree(json.replace('\'', '"'));
  }

  static ObjectNode object(String json) {
    return (ObjectNode) tree(json);
  }
}
