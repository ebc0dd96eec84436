package io.chaosfn.flow;

import io.chaosfn.engine.journal.Timestamps;
import io.chaosfn.store.ExperimentHistory;
import io.chaosfn.store.ExperimentSummary;
import io.chaosfn.store.Outcome;
import java.time.Instant;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the query answers look: snake-case keys like the journal's {@code chaosfn} object, timestamps as the
 * journal writes them, absent values as JSON null so every answer of one kind has the same keys.
 */
final class QueryJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private QueryJson() {}

  static ObjectNode experiment(ExperimentSummary experiment) {
    ObjectNode json = NODES.objectNode();
    json.put("experiment_id", experiment.experimentId());
    json.put("title", experiment.title());
    json.put("last_outcome", experiment.lastOutcome() == null ? null : experiment.lastOutcome().wireName());
    json.put("last_run_id", experiment.lastRunId());
    json.put("last_run_at", time(experiment.lastRunAt()));
    return json;
  }

  static ObjectNode summary(ExperimentHistory history) {
    ObjectNode json = NODES.objectNode();
    json.put("experiment_id", history.experimentId());
    json.put("title", history.title());
    ObjectNode counts = json.putObject("runs");
    for (Outcome outcome : Outcome.values()) {
      counts.put(outcome.wireName(), history.count(outcome));
    }
    json.put("executed_runs", history.executedRuns());
    if (history.successRate().isPresent()) {
      json.put("success_rate", history.successRate().getAsDouble());
    } else {
      json.putNull("success_rate");
    }
    json.set("last_run", mark(history.lastRun()));
    json.set("last_deviation", mark(history.lastDeviation()));
    if (history.streak() == null) {
      json.putNull("current_streak");
    } else {
      json.putObject("current_streak").put("outcome", history.streak().outcome().wireName())
          .put("length", history.streak().length());
    }
    json.put("revision_at_last_change", history.revisionAtLastChange());
    return json;
  }

  private static ObjectNode mark(ExperimentHistory.RunMark mark) {
    if (mark == null) {
      return null;
    }
    return NODES.objectNode().put("run_id", mark.runId()).put("started_at", time(mark.startedAt()))
        .put("outcome", mark.outcome().wireName()).put("revision", mark.revision());
  }

  private static String time(Instant instant) {
    return instant == null ? null : Timestamps.format(instant);
  }
}
