package io.chaosfn.compat;

import com.sun.net.httpserver.HttpServer;
import io.chaosfn.testing.LoopbackServer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A JDK HTTP server on a loopback port standing in for the hosts the fixtures call ({@code http://example.com}):
 * every request gets the row's mocked status and the body {@code "you are number 87"}, as when the oracle was
 * recorded with HTTP faked. Documents are redirected to it by rewriting the URL before they are parsed.
 */
final class LoopbackHttp implements AutoCloseable {
  static final String BODY = "you are number 87";
  private final HttpServer server;

  LoopbackHttp(int status) {
    server = LoopbackServer.start("/", exchange -> {
      byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }

  /** The fixture's text with every example.com URL pointing here instead. */
  String redirect(String text) {
    return text.replace("http://example.com", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
