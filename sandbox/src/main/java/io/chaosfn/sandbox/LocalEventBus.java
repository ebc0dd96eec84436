package io.chaosfn.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * EventBridge, simulated because no local implementation exists (decisions.md §5): a JDK HTTP server answering
 * {@code AWSEvents.PutEvents} in AWS JSON 1.1 as the SDK sends it. Each entry becomes the envelope EventBridge
 * would deliver to a Lambda target ({@code version, id, detail-type, source, account, time, region, resources,
 * detail}); {@code chaosfn.run.requested} envelopes wait in {@link #delivered()} for the RunExperiment handler,
 * as the rule on the bus would route them; the others are printed.
 */
final class LocalEventBus implements AutoCloseable {
  static final String RUN_REQUESTED = "chaosfn.run.requested";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final String region;
  private final Clock clock;
  private final Consumer<String> say;
  private final BlockingQueue<ObjectNode> runRequests = new LinkedBlockingQueue<>();

  LocalEventBus(String region, Clock clock, Consumer<String> say) {
    this.region = region;
    this.clock = clock;
    this.say = say;
    server = LoopbackHttp.start("the EventBridge stand-in", "/", this::putEvents);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The {@code chaosfn.run.requested} events delivered so far and not yet taken. */
  BlockingQueue<ObjectNode> delivered() {
    return runRequests;
  }

  private void putEvents(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
    ObjectNode answer = JSON.createObjectNode();
    if (!"AWSEvents.PutEvents".equals(target)) {
      answer.put("__type", "UnknownOperationException");
      respond(exchange, 400, answer);
      return;
    }
    answer.put("FailedEntryCount", 0);
    for (JsonNode entry : request.path("Entries").values()) {
      ObjectNode envelope = envelope(entry);
      answer.withArrayProperty("Entries").addObject().put("EventId", envelope.get("id").asString());
      if (RUN_REQUESTED.equals(envelope.get("detail-type").asString())) {
        runRequests.add(envelope);
      }
      say.accept("[eventbridge, simulated] " + envelope.get("detail-type").asString() + " from "
          + envelope.get("source").asString());
    }
    respond(exchange, 200, answer);
  }

  private ObjectNode envelope(JsonNode entry) {
    ObjectNode envelope = JSON.createObjectNode()
        .put("version", "0")
        .put("id", UUID.randomUUID().toString())
        .put("detail-type", entry.path("DetailType").asString(""))
        .put("source", entry.path("Source").asString(""))
        .put("account", "000000000000")
        .put("time", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
        .put("region", region);
    envelope.putArray("resources");
    envelope.set("detail", JSON.readTree(entry.path("Detail").asString("{}")));
    return envelope;
  }

  private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    LoopbackHttp.respond(exchange, status, "application/x-amz-json-1.1", bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
