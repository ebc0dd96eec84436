package io.chaosfn;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one plain JSON mapper (Jackson's defaults) chaosfn reads and writes trees with. One instance rather than one
 * per class: a mapper is immutable and thread-safe, and each instance resolves and caches its own serializers and
 * deserializers on first use, work a cold start would otherwise repeat for every class. Mappers with other
 * settings (duplicate keys refused, trailing tokens refused, depth caps) stay next to the code that needs them.
 */
public final class Json {
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}
}
