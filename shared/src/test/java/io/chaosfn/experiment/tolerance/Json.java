package io.chaosfn.experiment.tolerance;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test documents written with single quotes, so Java string literals stay readable. */
final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .build();

  private Json() {}

  static JsonNode json(String text) {
    return MAPPER.readTree(text);
  }
}
