package io.chaosfn.notify;

import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.RunRecord;
import java.util.Objects;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code chaosfn.run.finished} event: what a consumer needs to react without reading the journal.
 *
 * @param status the journal's Chaos Toolkit status, or the outcome of a run that did not execute
 *     ({@code skipped}, {@code invalid})
 * @param revision the deployed revision a deploy trigger carried, or null
 */
public record RunFinished(String runId, String experimentId, String status, boolean deviated, Outcome outcome,
    Trigger trigger, String revision) {
  public static final String DETAIL_TYPE = "chaosfn.run.finished";

  public RunFinished {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(experimentId, "experimentId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(trigger, "trigger");
  }

  public static RunFinished of(RunRecord run) {
    String status = run.journal() != null && run.journal().status() != null ? run.journal().status()
        : run.outcome().wireName();
    return new RunFinished(run.runId(), run.experimentId(), status, run.deviated(), run.outcome(), run.trigger(),
        run.trigger().revision());
  }

  /** The event's detail, snake-case like the journal's {@code chaosfn} object. */
  public ObjectNode detail() {
    ObjectNode detail = JsonNodeFactory.instance.objectNode()
        .put("run_id", runId)
        .put("experiment_id", experimentId)
        .put("status", status)
        .put("deviated", deviated)
        .put("outcome", outcome.wireName());
    detail.set("trigger", trigger.toJson());
    detail.put("revision", revision);
    return detail;
  }
}
