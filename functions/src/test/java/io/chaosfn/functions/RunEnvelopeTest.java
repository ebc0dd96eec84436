package io.chaosfn.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.flow.RunRequest;
import io.chaosfn.store.RunIds;
import io.chaosfn.trigger.DeployEvent;
import io.chaosfn.trigger.DeploySource;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** RunExperiment's envelopes, as the Scheduler, EventBridge and a direct invoke deliver them. */
class RunEnvelopeTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:05Z");

  private static ObjectNode json(String text) {
    return (ObjectNode) JSON.readTree(text);
  }

  /** The detail the webhook writes ({@link io.chaosfn.trigger.RunRequest}), inside the envelope EventBridge delivers. */
  private static ObjectNode runRequested(io.chaosfn.trigger.RunRequest requested) {
    ObjectNode event = json("""
        {"version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718", "detail-type": "chaosfn.run.requested",
         "source": "chaosfn.webhook", "account": "123456789012", "time": "2025-03-01T10:00:01Z",
         "region": "eu-west-1", "resources": []}""");
    event.set("detail", requested.detail());
    return event;
  }

  private static io.chaosfn.trigger.RunRequest webhookRequest(String runId) {
    return new io.chaosfn.trigger.RunRequest(runId, "frontend-db-failover", "s3://experiments/frontend.yaml",
        new DeployEvent(DeploySource.FLUX, "default", "frontend-app", null,
            "main@sha1:4f2a9c1", "d-42", Instant.parse("2025-03-01T10:00:00Z")), Duration.ZERO);
  }

  @Test
  void request_runRequestedEvent_readsTheWebhooksDetail() {
    String runId = RunIds.derived(Instant.parse("2025-03-01T10:00:00Z"), "d-42/frontend-db-failover");

    RunRequest request = RunEnvelope.request(runRequested(webhookRequest(runId)));

    assertThat(request.experiment()).isEqualTo("s3://experiments/frontend.yaml");
    assertThat(request.runId(NOW)).isEqualTo(runId);
    assertThat(request.trigger())
        .isEqualTo(new Trigger("deploy", "frontend-app", "flux", "main@sha1:4f2a9c1", "d-42"));
  }

  @Test
  void request_runRequestedEventWithoutRunId_derivesItFromTheDeliveryAndExperimentId() {
    ObjectNode event = runRequested(webhookRequest("01JNEXAMPLE"));
    ((ObjectNode) event.get("detail")).remove("run_id");

    RunRequest request = RunEnvelope.request(event);

    assertThat(request.runId(NOW))
        .isEqualTo(RunIds.derived(Instant.parse("2025-03-01T10:00:01Z"), "d-42/frontend-db-failover"));
  }

  @Test
  void request_runRequestedEventWithoutTrigger_isADeployKeyedByTheEventId() {
    ObjectNode event = runRequested(webhookRequest("01JNEXAMPLE"));
    ObjectNode detail = (ObjectNode) event.get("detail");
    detail.remove("run_id");
    detail.remove("trigger");

    RunRequest request = RunEnvelope.request(event);

    assertThat(request.trigger().type()).isEqualTo("deploy");
    assertThat(request.deliveryKey()).isEqualTo("6a7e8feb-b491-4cf7-a9f1-bf3703467718");
  }

  @Test
  void request_schedulerInput_isAScheduleKeyedByTheExecutionId() {
    RunRequest request = RunEnvelope.request(json("""
        {"experiment": "s3://experiments/nightly.yaml", "trigger": {"type": "schedule", "name": "nightly"},
         "execution_id": "c0ffee-1", "scheduled_time": "2025-03-01T10:00:00Z"}"""));

    assertThat(request.trigger()).isEqualTo(new Trigger("schedule", "nightly", null, null, null));
    assertThat(request.runId(NOW)).isEqualTo(RunIds.derived(Instant.parse("2025-03-01T10:00:00Z"), "c0ffee-1"));
  }

  @Test
  void request_directInvoke_isAnInvokeTrigger() {
    RunRequest request = RunEnvelope.request(json("{\"experiment\": \"db-failover\"}"));

    assertThat(request.trigger().type()).isEqualTo("invoke");
    assertThat(request.deliveryKey()).isNull();
  }

  @Test
  void request_malformedTime_namesTheField() {
    assertThatThrownBy(() -> RunEnvelope.request(json("""
        {"detail-type": "chaosfn.run.requested", "id": "e-1", "time": "yesterday",
         "detail": {"experiment": "s3://experiments/frontend.yaml"}}""")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time must be an ISO-8601 UTC time");
  }
}
