package io.chaosfn.notify.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.notify.PublishingFailedException;
import io.chaosfn.notify.RunFinished;
import io.chaosfn.store.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publisher against {@link PutEventsStandIn}, a stand-in: no local EventBridge exists (decisions.md §5), so a
 * JDK HttpServer speaks the PutEvents side of AWS JSON 1.1 and answers with a canned result.
 */
class EventBridgePublisherTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final RunFinished EVENT = new RunFinished("01JRUN", "db-failover", "completed", true,
      Outcome.DEVIATED, new Trigger("deploy", null, "flux", "abc123", "d-1"), "abc123");
  private PutEventsStandIn standIn;

  private EventBridgeClient standIn(int status, String answer) {
    standIn = PutEventsStandIn.answering(status, answer);
    return standIn.client();
  }

  @AfterEach
  void stop() {
    standIn.close();
  }

  @Test
  void publish_accepted_sendsOnePutEventsWithTheDetail() {
    EventBridgePublisher publisher = new EventBridgePublisher(
        standIn(200, "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}"), "chaos-bus");

    String id = publisher.publish(EVENT);

    assertThat(id).isEqualTo("e-1");
    assertThat(standIn.targets()).containsExactly("AWSEvents.PutEvents");
    JsonNode entry = standIn.entries().get(0);
    assertThat(entry.path("EventBusName").asString()).isEqualTo("chaos-bus");
    assertThat(entry.path("Source").asString()).isEqualTo("chaosfn");
    assertThat(entry.path("DetailType").asString()).isEqualTo("chaosfn.run.finished");
    JsonNode detail = JSON.readTree(entry.path("Detail").asString());
    assertThat(detail.path("run_id").asString()).isEqualTo("01JRUN");
    assertThat(detail.path("experiment_id").asString()).isEqualTo("db-failover");
    assertThat(detail.path("status").asString()).isEqualTo("completed");
    assertThat(detail.path("deviated").asBoolean()).isTrue();
    assertThat(detail.path("outcome").asString()).isEqualTo("deviated");
    assertThat(detail.path("trigger").path("source").asString()).isEqualTo("flux");
    assertThat(detail.path("revision").asString()).isEqualTo("abc123");
  }

  @Test
  void publish_entryRejected_throwsWithTheErrorCode() {
    EventBridgePublisher publisher = new EventBridgePublisher(standIn(200, "{\"FailedEntryCount\":1,\"Entries\":"
        + "[{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"try again\"}]}"), "chaos-bus");

    assertThatThrownBy(() -> publisher.publish(EVENT))
        .isInstanceOf(PublishingFailedException.class)
        .hasMessageContaining("InternalFailure");
  }

  @Test
  void publish_serviceError_throwsPublishingFailed() {
    EventBridgePublisher publisher = new EventBridgePublisher(standIn(400,
        "{\"__type\":\"ResourceNotFoundException\",\"message\":\"no bus\"}"), "missing-bus");

    assertThatThrownBy(() -> publisher.publish(EVENT))
        .isInstanceOf(PublishingFailedException.class)
        .hasMessageContaining("missing-bus");
  }
}
