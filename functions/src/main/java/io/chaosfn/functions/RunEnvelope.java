package io.chaosfn.functions;

import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.flow.RunRequest;
import io.chaosfn.flow.RunResult;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * RunExperiment's three envelopes, read into a {@link RunRequest}, and its answer:
 *
 * <ul>
 *   <li>the EventBridge Scheduler input {@code {"experiment", "trigger": {...}, "execution_id":
 *       "<aws.scheduler.execution-id>", "scheduled_time": "<aws.scheduler.scheduled-time>"}}: the execution id and
 *       scheduled time make the run id, so a retried execution finds its run;
 *   <li>the {@code chaosfn.run.requested} EventBridge event ({@code detail-type}, {@code id}, {@code time},
 *       {@code detail: {run_id, experiment_id, experiment, trigger: {type, name, source, revision, delivery_id},
 *       ...}}, docs/events.md): the webhook's run id when it chose one, else one derived from the delivery id and
 *       experiment id as the webhook derives it, else from the event id;
 *   <li>a direct invoke {@code {"experiment", "trigger"?, "run_id"?}}.
 * </ul>
 */
final class RunEnvelope {
  static final String RUN_REQUESTED = "chaosfn.run.requested";

  private RunEnvelope() {}

  /** @throws IllegalArgumentException naming what is missing or malformed */
  static RunRequest request(JsonNode event) {
    if (!event.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    if (RUN_REQUESTED.equals(text(event, "detail-type"))) {
      JsonNode detail = event.path("detail");
      String experiment = text(detail, "experiment");
      JsonNode triggerNode = detail.path("trigger");
      Trigger trigger = triggerNode.isObject() ? Trigger.fromJson((ObjectNode) triggerNode)
          : new Trigger("deploy", null, null, null, null);
      String experimentId = text(detail, "experiment_id");
      String deliveryKey = trigger.deliveryId() != null && experimentId != null
          ? trigger.deliveryId() + "/" + experimentId : text(event, "id");
      return new RunRequest(experiment, trigger, text(detail, "run_id"), deliveryKey, instant(event, "time"));
    }
    String experiment = text(event, "experiment");
    JsonNode trigger = event.path("trigger");
    String executionId = text(event, "execution_id");
    Trigger parsed = trigger.isObject() ? Trigger.fromJson((ObjectNode) trigger)
        : new Trigger(executionId != null ? "schedule" : "invoke", null, null, null, null);
    return new RunRequest(experiment, parsed, text(event, "run_id"), executionId, instant(event, "scheduled_time"));
  }

  /** The answer, snake-case like the journal's {@code chaosfn} object. */
  static ObjectNode response(RunResult result) {
    return JsonNodeFactory.instance.objectNode()
        .put("run_id", result.runId())
        .put("experiment_id", result.experimentId())
        .put("outcome", result.outcome().wireName())
        .put("deviated", result.deviated())
        .put("reason", result.reason())
        .put("repeated", result.repeated());
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.path(key);
    return value.isString() && !value.asString().isBlank() ? value.asString() : null;
  }

  private static Instant instant(JsonNode node, String key) {
    String value = text(node, key);
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " must be an ISO-8601 UTC time, found '" + value + "'", e);
    }
  }
}
