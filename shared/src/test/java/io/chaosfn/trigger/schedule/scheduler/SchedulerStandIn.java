package io.chaosfn.trigger.schedule.scheduler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chaosfn.testing.LoopbackServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for EventBridge Scheduler (decisions.md §5 allows one: no local implementation exists), not the
 * service: a JDK HttpServer speaking the REST-JSON protocol the SDK uses for schedules. {@code POST
 * /schedules/{Name}} creates (409 {@code ConflictException} when the name exists in the group), {@code PUT}
 * replaces (404 {@code ResourceNotFoundException} when it does not), {@code DELETE} removes (404 when missing),
 * {@code GET} returns the stored request body with Name and GroupName. Nothing is checked beyond names and
 * groups: expression grammar, ARNs and roles are the real service's business. {@link #failWith} makes every
 * following request fail, to test how callers report an unavailable service.
 */
public final class SchedulerStandIn implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PATH = "/schedules/";

  private final HttpServer server;
  private final Map<String, ObjectNode> schedules = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile int failureStatus;

  public SchedulerStandIn() {
    server = LoopbackServer.start(PATH, this::handle);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The stored schedule ({@code Name}, {@code GroupName} and the fields of the last create or update). */
  public Optional<ObjectNode> schedule(String group, String name) {
    return Optional.ofNullable(schedules.get(group + "/" + name)).map(ObjectNode::deepCopy);
  }

  public int size() {
    return schedules.size();
  }

  /** Each request as {@code METHOD name}, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Every following request answers this status with an {@code InternalServerException}. */
  public void failWith(int status) {
    failureStatus = status;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String name = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring(PATH.length()),
          StandardCharsets.UTF_8);
      String method = exchange.getRequestMethod();
      requests.add(method + " " + name);
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (failureStatus != 0) {
        error(exchange, failureStatus, "InternalServerException", "stand-in told to fail");
        return;
      }
      String group = group(exchange, body);
      String id = group + "/" + name;
      switch (method) {
        case "POST" -> {
          if (schedules.containsKey(id)) {
            error(exchange, 409, "ConflictException", "Schedule " + name + " already exists.");
            return;
          }
          store(id, name, group, body);
          reply(exchange, 200, "{\"ScheduleArn\":\"arn:aws:scheduler:eu-west-1:123456789012:schedule/" + id + "\"}");
        }
        case "PUT" -> {
          if (!schedules.containsKey(id)) {
            error(exchange, 404, "ResourceNotFoundException", "Schedule " + name + " does not exist.");
            return;
          }
          store(id, name, group, body);
          reply(exchange, 200, "{\"ScheduleArn\":\"arn:aws:scheduler:eu-west-1:123456789012:schedule/" + id + "\"}");
        }
        case "DELETE" -> {
          if (schedules.remove(id) == null) {
            error(exchange, 404, "ResourceNotFoundException", "Schedule " + name + " does not exist.");
            return;
          }
          reply(exchange, 200, "{}");
        }
        case "GET" -> {
          ObjectNode stored = schedules.get(id);
          if (stored == null) {
            error(exchange, 404, "ResourceNotFoundException", "Schedule " + name + " does not exist.");
            return;
          }
          reply(exchange, 200, JSON.writeValueAsString(stored));
        }
        default -> error(exchange, 405, "ValidationException", "method " + method);
      }
    }
  }

  private void store(String id, String name, String group, byte[] body) {
    ObjectNode stored = (ObjectNode) JSON.readTree(body);
    stored.put("Name", name);
    stored.put("GroupName", group);
    schedules.put(id, stored);
  }

  /** Create and update carry the group in the body, delete and get in the query string; default {@code default}. */
  private static String group(HttpExchange exchange, byte[] body) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("groupName=")) {
          return URLDecoder.decode(pair.substring("groupName=".length()), StandardCharsets.UTF_8);
        }
      }
    }
    if (body.length > 0) {
      JsonNode group = JSON.readTree(body).path("GroupName");
      if (group.isString()) {
        return group.asString();
      }
    }
    return "default";
  }

  private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
    exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
    reply(exchange, status, JSON.writeValueAsString(Map.of("Message", message)));
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
