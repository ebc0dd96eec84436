package io.chaosfn.store;

import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.Timestamps;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.experiment.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One run as stored: what queries filter on, and the full journal when the run executed.
 *
 * @param deviated the journal's {@code deviated}: true for every {@code deviated} outcome, and for a {@code failed}
 *     run whose after-check errored (semantics §3.6)
 * @param journal the Chaos Toolkit journal; null for skipped, invalid and in-progress runs
 * @param reason why a run was skipped or is in progress (the lock holder), or null
 * @param problems the validation problems of an invalid run, else empty
 * @param experimentVersion the S3 version id of the experiment document, or null
 */
public record RunRecord(
    String runId,
    String experimentId,
    Outcome outcome,
    boolean deviated,
    String title,
    Trigger trigger,
    Instant startedAt,
    Instant endedAt,
    Journal journal,
    String reason,
    List<Problem> problems,
    String experimentVersion) {
  public RunRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(experimentId, "experimentId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(startedAt, "startedAt");
    problems = List.copyOf(problems);
    if (outcome == Outcome.DEVIATED && !deviated) {
      throw new IllegalArgumentException("a deviated outcome is deviated");
    }
  }

  /** The same run without its journal, as listings return it. */
  public RunRecord summary() {
    return new RunRecord(runId, experimentId, outcome, deviated, title, trigger, startedAt, endedAt, null, reason,
        problems, experimentVersion);
  }

  /** The same run with a journal that differs only in what was added after the run (its notifications). */
  public RunRecord withJournal(Journal amended) {
    return new RunRecord(runId, experimentId, outcome, deviated, title, trigger, startedAt, endedAt, amended, reason,
        problems, experimentVersion);
  }

  /**
   * The run without its journal as JSON: what the journal API's listings answer and what the directory store's
   * index files hold. Snake-case keys like the journal's {@code chaosfn} object, timestamps as the journal writes
   * them, absent values as null so every run has the same keys.
   */
  public ObjectNode summaryJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("run_id", runId);
    json.put("experiment_id", experimentId);
    json.put("outcome", outcome.wireName());
    json.put("deviated", deviated);
    json.put("title", title);
    json.set("trigger", trigger.toJson());
    json.put("started_at", Timestamps.format(startedAt));
    json.put("ended_at", endedAt == null ? null : Timestamps.format(endedAt));
    json.put("experiment_version", experimentVersion);
    json.put("reason", reason);
    ArrayNode list = json.putArray("problems");
    problems.forEach(p -> list.addObject().put("path", p.path()).put("message", p.message()));
    return json;
  }

  /**
   * Reads {@link #summaryJson()}: the run, without a journal.
   *
   * @throws IllegalArgumentException when the JSON is not a run's summary
   */
  public static RunRecord fromSummaryJson(JsonNode json) {
    if (!json.isObject() || !json.path("trigger").isObject()) {
      throw new IllegalArgumentException("not a chaosfn run");
    }
    String outcome = required(json, "outcome");
    List<Problem> problems = new ArrayList<>();
    json.path("problems").values().forEach(
        p -> problems.add(new Problem(p.path("path").asString(""), p.path("message").asString(""))));
    String endedAt = optional(json, "ended_at");
    return new RunRecord(
        required(json, "run_id"),
        required(json, "experiment_id"),
        Outcome.fromWireName(outcome).orElseThrow(() -> new IllegalArgumentException("unknown outcome " + outcome)),
        json.path("deviated").asBoolean(false),
        optional(json, "title"),
        Trigger.fromJson((ObjectNode) json.get("trigger")),
        Timestamps.parse(required(json, "started_at")),
        endedAt == null ? null : Timestamps.parse(endedAt),
        null,
        optional(json, "reason"),
        problems,
        optional(json, "experiment_version"));
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

  /** A finished run, from its journal. */
  public static RunRecord of(String runId, String experimentId, Journal journal, String experimentVersion) {
    Trigger trigger = journal.chaosfn() != null && journal.chaosfn().path("trigger").isObject()
        ? Trigger.fromJson((ObjectNode) journal.chaosfn().get("trigger"))
        : Trigger.cli();
    return new RunRecord(runId, experimentId, Outcome.of(journal), journal.deviated(), journal.title(), trigger,
        journal.start(), journal.end(), journal, null, List.of(), experimentVersion);
  }
}
