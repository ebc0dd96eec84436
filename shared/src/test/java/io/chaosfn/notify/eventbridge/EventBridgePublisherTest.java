package io.chaosfn.notify.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.notify.PublishingFailedException;
import io.chaosfn.notify.RunFinished;
import io.chaosfn.store.Outcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publisher against a stand-in: no local EventBridge exists (decisions.md §5), so a JDK HttpServer speaks the
 * PutEvents side of AWS JSON 1.1 ({@code X-Amz-Target: AWSEvents.PutEvents}) and answers with a canned result.
 */
class EventBridgePublisherTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final RunFinished EVENT = new RunFinished("01JRUN", "db-failover", "completed", true,
      Outcome.DEVIATED, new Trigger("deploy", null, "flux", "abc123", "d-1"), "abc123");
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> targets = new CopyOnWriteArrayList<>();
  private HttpServer server;

  private EventBridgeClient standIn(int status, String answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
      requests.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
      byte[] body = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return EventBridgeClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
        .build();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void publish_accepted_sendsOnePutEventsWithTheDetail() throws IOException {
    EventBridgePublisher publisher = new EventBridgePublisher(
        standIn(200, "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}"), "chaos-bus");

    String id = publisher.publish(EVENT);

    assertThat(id).isEqualTo("e-1");
    assertThat(targets).containsExactly("AWSEvents.PutEvents");
    JsonNode entry = requests.get(0).path("Entries").get(0);
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
  void publish_entryRejected_throwsWithTheErrorCode() throws IOException {
    EventBridgePublisher publisher = new EventBridgePublisher(standIn(200, "{\"FailedEntryCount\":1,\"Entries\":"
        + "[{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"try again\"}]}"), "chaos-bus");

    assertThatThrownBy(() -> publisher.publish(EVENT))
        .isInstanceOf(PublishingFailedException.class)
        .hasMessageContaining("InternalFailure");
  }

  @Test
  void publish_serviceError_throwsPublishingFailed() throws IOException {
    EventBridgePublisher publisher = new EventBridgePublisher(standIn(400,
        "{\"__type\":\"ResourceNotFoundException\",\"message\":\"no bus\"}"), "missing-bus");

    assertThatThrownBy(() -> publisher.publish(EVENT))
        .isInstanceOf(PublishingFailedException.class)
        .hasMessageContaining("missing-bus");
  }
}
