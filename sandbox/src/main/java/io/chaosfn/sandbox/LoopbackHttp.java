package io.chaosfn.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/** The JDK HTTP servers the simulated services answer on: loopback only, on a port the OS picks. */
final class LoopbackHttp {
  private LoopbackHttp() {}

  /** @param what the service, for the error when no port can be had */
  static HttpServer start(String what, String path, HttpHandler handler) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + what, e);
    }
    server.createContext(path, handler);
    server.start();
    return server;
  }

  /** Answers and closes the exchange; a null content type sends none. */
  static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().add("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
