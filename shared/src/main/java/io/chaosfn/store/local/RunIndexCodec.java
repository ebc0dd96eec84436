package io.chaosfn.store.local;

import io.chaosfn.Json;
import io.chaosfn.engine.journal.Timestamps;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.experiment.Problem;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's index file: what listings filter on, next to its journal file. Snake-case keys like the journal's
 * {@code chaosfn} object, so a user reading both sees one vocabulary.
 */
final class RunIndexCodec {

  private RunIndexCodec() {}

  static byte[] write(RunRecord run) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("run_id", run.runId());
    json.put("experiment_id", run.experimentId());
    json.put("outcome", run.outcome().wireName());
    json.put("deviated", run.deviated());
    json.put("title", run.title());
    json.set("trigger", run.trigger().toJson());
    json.put("started_at", Timestamps.format(run.startedAt()));
    json.put("ended_at", run.endedAt() == null ? null : Timestamps.format(run.endedAt()));
    json.put("has_journal", run.journal() != null);
    json.put("reason", run.reason());
    ArrayNode problems = json.putArray("problems");
    run.problems().forEach(p -> problems.addObject().put("path", p.path()).put("message", p.message()));
    json.put("experiment_version", run.experimentVersion());
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
  }

  /** The run without its journal, and whether it has one on disk. */
  record Entry(RunRecord run, boolean hasJournal) {}

  /**
   * @throws IllegalArgumentException when the bytes are not an index file
   */
  static Entry read(byte[] bytes) {
    JsonNode json = Json.MAPPER.readTree(bytes);
    if (!json.isObject() || !json.path("trigger").isObject()) {
      throw new IllegalArgumentException("not a chaosfn run index");
    }
    String outcome = required(json, "outcome");
    List<Problem> problems = new ArrayList<>();
    json.path("problems").values().forEach(
        p -> problems.add(new Problem(p.path("path").asString(""), p.path("message").asString(""))));
    RunRecord run = new RunRecord(
        required(json, "run_id"),
        required(json, "experiment_id"),
        Outcome.fromWireName(outcome).orElseThrow(() -> new IllegalArgumentException("unknown outcome " + outcome)),
        json.path("deviated").asBoolean(false),
        optional(json, "title"),
        Trigger.fromJson((ObjectNode) json.get("trigger")),
        Timestamps.parse(required(json, "started_at")),
        instant(optional(json, "ended_at")),
        null,
        optional(json, "reason"),
        problems,
        optional(json, "experiment_version"));
    return new Entry(run, json.path("has_journal").asBoolean(false));
  }

  private static String required(JsonNode json, String key) {
    String value = optional(json, key);
    if (value == null) {
      throw new IllegalArgumentException("'" + key + "' is missing");
    }
    return value;
  }

  private static String optional(JsonNode json, String key) {
    return json.path(key).isString() ? json.get(key).asString() : null;
  }

  private static Instant instant(String text) {
    return text == null ? null : Timestamps.parse(text);
  }
}
