package io.chaosfn.kubernetes;

import io.chaosfn.activity.ActivityAudit;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Keeps what an activity records, as the engine's journal entry would. */
public final class RecordingAudit implements ActivityAudit {
  private final Map<String, JsonNode> records = new LinkedHashMap<>();

  @Override
  public synchronized void record(String key, JsonNode value) {
    records.put(key, value);
  }

  public synchronized JsonNode get(String key) {
    return records.get(key);
  }

  public synchronized Map<String, JsonNode> all() {
    return Map.copyOf(records);
  }
}
