package io.chaosfn.engine.journal;

import java.util.Objects;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What started a run: {@code cli}, {@code schedule} (name), or {@code deploy} (source tool, revision, delivery id).
 * Null fields are left out of the journal.
 */
public record Trigger(String type, String name, String source, String revision, String deliveryId) {
  public Trigger {
    Objects.requireNonNull(type, "type");
  }

  public static Trigger cli() {
    return new Trigger("cli", null, null, null, null);
  }

  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("type", type);
    putIfPresent(json, "name", name);
    putIfPresent(json, "source", source);
    putIfPresent(json, "revision", revision);
    putIfPresent(json, "delivery_id", deliveryId);
    return json;
  }

  public static Trigger fromJson(ObjectNode json) {
    return new Trigger(json.path("type").asString("unknown"), text(json, "name"), text(json, "source"),
        text(json, "revision"), text(json, "delivery_id"));
  }

  private static String text(ObjectNode json, String key) {
    return json.path(key).isString() ? json.get(key).asString() : null;
  }

  static void putIfPresent(ObjectNode json, String key, String value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
