package io.chaosfn.trigger;

import io.chaosfn.engine.journal.Trigger;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run a deploy asked for: the {@code chaosfn.run.requested} event's content.
 *
 * @param experimentSource where the run loads the experiment from ({@code s3://bucket/key} or a file)
 * @param waitForRollout how long the run first waits for the deploy's rollout to be healthy
 */
public record RunRequest(String runId, String experimentId, String experimentSource, DeployEvent deploy,
    Duration waitForRollout) {
  /** The EventBridge {@code detail-type} of the event. */
  public static final String DETAIL_TYPE = "chaosfn.run.requested";

  public RunRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(experimentId, "experimentId");
    Objects.requireNonNull(experimentSource, "experimentSource");
    Objects.requireNonNull(deploy, "deploy");
    Objects.requireNonNull(waitForRollout, "waitForRollout");
  }

  /** The run's trigger as the journal records it: type {@code deploy}, named after what was deployed. */
  public Trigger trigger() {
    String name = deploy.workload() != null ? deploy.workload() : deploy.repository();
    return new Trigger("deploy", name, deploy.source().wireName(), deploy.revision(), deploy.deliveryId());
  }

  /**
   * The event's {@code detail}, snake-case like {@code chaosfn.run.finished} and the journal's {@code chaosfn}
   * object (docs/events.md): {@code {"run_id", "experiment_id", "experiment", "trigger": {type, name, source,
   * revision, delivery_id}, "deploy": {namespace, workload, repository, timestamp}, "wait_for_rollout_seconds"}};
   * absent values are left out.
   */
  public ObjectNode detail() {
    ObjectNode detail = JsonNodeFactory.instance.objectNode()
        .put("run_id", runId)
        .put("experiment_id", experimentId)
        .put("experiment", experimentSource);
    detail.set("trigger", trigger().toJson());
    ObjectNode deployed = detail.putObject("deploy");
    putIfPresent(deployed, "namespace", deploy.namespace());
    putIfPresent(deployed, "workload", deploy.workload());
    putIfPresent(deployed, "repository", deploy.repository());
    deployed.put("timestamp", deploy.timestamp().toString());
    detail.put("wait_for_rollout_seconds", waitForRollout.toSeconds());
    return detail;
  }

  private static void putIfPresent(ObjectNode json, String key, String value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
