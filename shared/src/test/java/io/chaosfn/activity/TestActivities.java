package io.chaosfn.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/** Provider objects and contexts for provider tests. */
public final class TestActivities {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private TestActivities() {}

  /** A provider object from JSON text in which single quotes stand for double quotes. */
  public static ObjectNode provider(String json) {
    return (ObjectNode) MAPPER.readTree(json.replace('\'', '"'));
  }

  public static ActivityContext context(Map<String, String> environment, boolean dry) {
    return new ActivityContext(JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode(),
        environment, ActivityAudit.NONE, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
        MissingNode.getInstance(), dry);
  }

  public static ActivityContext context() {
    return context(Map.of(), false);
  }
}
