package io.chaosfn.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Slack-compatible endpoint that prints what chaosfn posts, because there is no local Slack: the Web API's
 * {@code chat.postMessage} and {@code chat.update} (form-encoded, answered as Slack does with {@code ok},
 * {@code channel} and {@code ts}). Every channel exists; every bot token is accepted.
 */
final class PrintingSlack implements AutoCloseable {
  private final HttpServer server;
  private final Consumer<String> say;
  private final AtomicInteger posted = new AtomicInteger();
  private final List<Message> messages = new CopyOnWriteArrayList<>();

  /** One message as Slack would show it last: root messages with their updates applied, thread replies apart. */
  record Message(String method, String channel, String ts, String threadTs, String text) {}

  PrintingSlack(Consumer<String> say) {
    this.say = say;
    server = LoopbackHttp.start("the local Slack endpoint", "/api/", this::call);
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  List<Message> messages() {
    return List.copyOf(messages);
  }

  private void call(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = path.substring(path.lastIndexOf('/') + 1);
    Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    String channel = form.getOrDefault("channel", "");
    switch (method) {
      case "chat.postMessage" -> {
        String ts = "1764237600." + String.format("%06d", posted.incrementAndGet());
        record(new Message(method, channel, ts, form.get("thread_ts"), form.getOrDefault("text", "")));
        answer.put("ok", true).put("channel", channel).put("ts", ts);
      }
      case "chat.update" -> {
        record(new Message(method, channel, form.get("ts"), null, form.getOrDefault("text", "")));
        answer.put("ok", true).put("channel", channel).put("ts", form.get("ts"));
      }
      default -> answer.put("ok", false).put("error", "unknown_method");
    }
    byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
    LoopbackHttp.respond(exchange, 200, "application/json; charset=utf-8", bytes);
  }

  private void record(Message message) {
    messages.add(message);
    if (message.threadTs() == null) {
      String verb = message.method().equals("chat.update") ? "updated" : "posted";
      say.accept("[slack " + message.channel() + ", " + verb + "] " + message.text().replace("\n", "\n    "));
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.isEmpty() ? new String[0] : body.split("&")) {
      int equals = pair.indexOf('=');
      fields.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
          equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
