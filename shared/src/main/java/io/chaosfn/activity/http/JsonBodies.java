package io.chaosfn.activity.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON request and response bodies. A holder class: the mapper is built when the first JSON body is met, not
 * when the provider is made.
 */
final class JsonBodies {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonBodies() {}

  static byte[] write(JsonNode value) {
    return MAPPER.writeValueAsBytes(value);
  }

  static JsonNode read(byte[] body) {
    return MAPPER.readTree(body);
  }
}
