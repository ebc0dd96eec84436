package io.chaosfn.notify.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for Slack, because no local Slack exists: a JDK {@link HttpServer} that speaks the part of Slack's
 * Web API chaosfn uses — {@code chat.postMessage} and {@code chat.update} (form-encoded, {@code Bearer} token,
 * JSON answers with {@code ok}, {@code channel}, {@code ts} or {@code error}) — and an incoming webhook
 * ({@code POST /services/...} with a JSON body, answered {@code ok}). It records every request, and on demand
 * answers 429 with {@code Retry-After} or a 500, as Slack does under rate limits and outages.
 */
public final class LocalSlack implements AutoCloseable {
  public static final String TOKEN = "xoxb-local-test-token";
  static final String WEBHOOK_PATH = "/services/T000/B000/secretpart";
  /** Channel names the workspace has, and their ids. */
  private static final Map<String, String> CHANNELS = Map.of("#chaos", "C0CHAOS", "#team", "C0TEAM");

  private final HttpServer server;
  private final AtomicInteger messages = new AtomicInteger();
  private final Deque<Integer> scripted = new ArrayDeque<>();
  private int retryAfterSeconds = 1;
  public final List<Request> requests = new CopyOnWriteArrayList<>();

  /** One request as received. */
  public record Request(String path, String authorization, Map<String, String> form, String body) {
    public String method() {
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }

  public LocalSlack() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/", this::method);
    server.createContext("/services/", this::webhook);
    server.start();
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  public String webhookUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + WEBHOOK_PATH;
  }

  /** Notifications to this server, linking runs to {@code https://chaos.example/api/runs/...}. */
  SlackNotifications notifications(String defaultChannel, SlackNotifications.Destination destination,
      RateLimit.Waiter waiter) {
    SlackSettings settings = new SlackSettings(defaultChannel, URI.create("https://chaos.example/api/"), apiUrl(),
        Duration.ofSeconds(2), Duration.ofSeconds(10));
    return new SlackNotifications(settings, destination, waiter);
  }

  /** The next {@code times} requests get 429 with {@code Retry-After: seconds}. */
  synchronized LocalSlack rateLimitNext(int times, int seconds) {
    retryAfterSeconds = seconds;
    for (int i = 0; i < times; i++) {
      scripted.add(429);
    }
    return this;
  }

  /** The next {@code times} requests get this HTTP status with an HTML body, as a failing load balancer answers. */
  synchronized LocalSlack failNext(int times, int status) {
    for (int i = 0; i < times; i++) {
      scripted.add(status);
    }
    return this;
  }

  List<Request> calls(String method) {
    return requests.stream().filter(r -> r.method().equals(method)).toList();
  }

  private synchronized Integer nextScripted() {
    return scripted.poll();
  }

  private void method(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request = new Request(exchange.getRequestURI().getPath(),
        exchange.getRequestHeaders().getFirst("Authorization"), form(body), body);
    requests.add(request);
    if (answeredAsScripted(exchange)) {
      return;
    }
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    if (!("Bearer " + TOKEN).equals(request.authorization())) {
      answer.put("ok", false).put("error", "invalid_auth");
    } else {
      switch (request.method()) {
        case "chat.postMessage" -> postMessage(request.form(), answer);
        case "chat.update" -> answer.put("ok", true).put("channel", request.form().get("channel"))
            .put("ts", request.form().get("ts")).put("text", request.form().get("text"));
        default -> answer.put("ok", false).put("error", "unknown_method");
      }
    }
    respond(exchange, 200, "application/json; charset=utf-8", answer.toString());
  }

  private void postMessage(Map<String, String> form, ObjectNode answer) {
    String channel = CHANNELS.containsValue(form.get("channel")) ? form.get("channel") : CHANNELS.get(form.get("channel"));
    if (channel == null) {
      answer.put("ok", false).put("error", "channel_not_found");
      return;
    }
    String ts = "1764237600." + String.format("%06d", messages.incrementAndGet());
    answer.put("ok", true).put("channel", channel).put("ts", ts);
    answer.putObject("message").put("text", form.get("text")).put("ts", ts);
  }

  private void webhook(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Request(exchange.getRequestURI().getPath(), null, Map.of(), body));
    if (answeredAsScripted(exchange)) {
      return;
    }
    boolean known = WEBHOOK_PATH.equals(exchange.getRequestURI().getPath());
    respond(exchange, known ? 200 : 404, "text/html", known ? "ok" : "no_service");
  }

  private boolean answeredAsScripted(HttpExchange exchange) throws IOException {
    Integer status = nextScripted();
    if (status == null) {
      return false;
    }
    if (status == 429) {
      exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfterSeconds));
      respond(exchange, 429, "application/json", "{\"ok\":false,\"error\":\"ratelimited\"}");
    } else {
      respond(exchange, status, "text/html", "<html>upstream unavailable</html>");
    }
    return true;
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body.isEmpty() || body.startsWith("{")) {
      return fields;
    }
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      fields.put(key, value);
    }
    return fields;
  }

  private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
