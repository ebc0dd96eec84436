package io.chaosfn.notify.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.notify.PublishingFailedException;
import io.chaosfn.trigger.DeployEvent;
import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.RunRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Run requests as {@code chaosfn.run.requested} events, against {@link PutEventsStandIn}, a stand-in: no local
 * EventBridge exists (decisions.md §5).
 */
class EventBridgeRunRequestsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DeployEvent DEPLOY = new DeployEvent(DeploySource.FLUX, "default", "frontend-app", null,
      "main@sha1:4f2a9c1", "d-42", Instant.parse("2025-03-01T10:00:00Z"));
  private PutEventsStandIn standIn;

  @AfterEach
  void stop() {
    standIn.close();
  }

  private static List<RunRequest> requests(int count) {
    return IntStream.range(0, count).mapToObj(i -> new RunRequest("01JRUN" + i, "experiment-" + i,
        "s3://experiments/experiment-" + i + ".yaml", DEPLOY, Duration.ZERO)).toList();
  }

  @Test
  void request_oneRequest_putsOneRunRequestedEventWithItsDetail() {
    standIn = PutEventsStandIn.accepting();
    List<RunRequest> requests = requests(1);

    new EventBridgeRunRequests(standIn.client(), "chaos-bus").request(requests);

    JsonNode entry = standIn.entries().get(0);
    assertThat(entry.path("EventBusName").asString()).isEqualTo("chaos-bus");
    assertThat(entry.path("Source").asString()).isEqualTo("chaosfn.webhook");
    assertThat(entry.path("DetailType").asString()).isEqualTo("chaosfn.run.requested");
    assertThat(JSON.readTree(entry.path("Detail").asString()))
        .isEqualTo(JSON.readTree(requests.get(0).detail().toString()));
  }

  @Test
  void request_twentyThreeRequests_putsThemInCallsOfAtMostTen() {
    standIn = PutEventsStandIn.accepting();

    new EventBridgeRunRequests(standIn.client(), "chaos-bus").request(requests(23));

    assertThat(standIn.requests()).extracting(request -> request.path("Entries").size()).containsExactly(10, 10, 3);
    assertThat(standIn.entries()).extracting(entry -> JSON.readTree(entry.path("Detail").asString())
        .path("run_id").asString()).isEqualTo(requests(23).stream().map(RunRequest::runId).toList());
  }

  @Test
  void request_oneEntryRejected_failsTheWholeRequest() {
    standIn = PutEventsStandIn.answering(200, """
        {"FailedEntryCount": 1, "Entries": [{"EventId": "e-1"},
         {"ErrorCode": "ThrottlingException", "ErrorMessage": "slow down"}]}""");
    EventBridgeRunRequests runs = new EventBridgeRunRequests(standIn.client(), "chaos-bus");

    assertThatThrownBy(() -> runs.request(requests(2)))
        .isInstanceOf(PublishingFailedException.class)
        .hasMessageContaining("1 of 2 events rejected")
        .hasMessageContaining("ThrottlingException");
  }

  @Test
  void request_failedCountWithoutErrorEntries_isAFailure() {
    standIn = PutEventsStandIn.answering(200, "{\"FailedEntryCount\": 1, \"Entries\": [{\"EventId\": \"e-1\"}]}");
    EventBridgeRunRequests runs = new EventBridgeRunRequests(standIn.client(), "chaos-bus");

    assertThatThrownBy(() -> runs.request(requests(2))).isInstanceOf(PublishingFailedException.class);
  }

  @Test
  void request_serviceError_failsNamingTheBus() {
    standIn = PutEventsStandIn.answering(400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"no bus\"}");
    EventBridgeRunRequests runs = new EventBridgeRunRequests(standIn.client(), "missing-bus");

    assertThatThrownBy(() -> runs.request(requests(1)))
        .isInstanceOf(PublishingFailedException.class)
        .hasMessageContaining("missing-bus");
  }
}
