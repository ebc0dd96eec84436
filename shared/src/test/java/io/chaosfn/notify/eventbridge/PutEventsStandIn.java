package io.chaosfn.notify.eventbridge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chaosfn.LocalClients;
import io.chaosfn.testing.LoopbackServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for EventBridge (no local implementation exists; decisions.md §5 allows one): a JDK HttpServer on a
 * loopback port speaking the PutEvents side of AWS JSON 1.1 ({@code X-Amz-Target: AWSEvents.PutEvents}). By
 * default it accepts every entry and gives each an id; {@link #answering} makes it reply with a fixed status and
 * body instead. It records every request, so a test can deliver the events it received.
 */
public final class PutEventsStandIn implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final List<String> targets = new CopyOnWriteArrayList<>();
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final int status;
  private final String answer;

  private PutEventsStandIn(int status, String answer) {
    this.status = status;
    this.answer = answer;
    server = LoopbackServer.start("/", this::answer);
  }

  /** Accepts every entry. */
  public static PutEventsStandIn accepting() {
    return new PutEventsStandIn(200, null);
  }

  /** Answers every request with this status and body. */
  public static PutEventsStandIn answering(int status, String body) {
    return new PutEventsStandIn(status, body);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A client for this stand-in that does not retry, so each call is one request. */
  public EventBridgeClient client() {
    return LocalClients.local(EventBridgeClient.builder(), endpoint())
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
        .build();
  }

  /** The {@code X-Amz-Target} of every request, in order. */
  public List<String> targets() {
    return List.copyOf(targets);
  }

  /** Every request body, in order. */
  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /** Every entry of every request, in order. */
  public List<JsonNode> entries() {
    return requests.stream().flatMap(request -> request.path("Entries").values().stream()).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
    JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
    requests.add(request);
    byte[] body = (answer != null ? answer : accepted(request)).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private String accepted(JsonNode request) {
    ObjectNode response = JsonNodeFactory.instance.objectNode().put("FailedEntryCount", 0);
    request.path("Entries").values().forEach(entry ->
        response.withArray("Entries").addObject().put("EventId", "e-" + ids.incrementAndGet()));
    return response.toString();
  }
}
