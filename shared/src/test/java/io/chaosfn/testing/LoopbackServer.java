package io.chaosfn.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A started JDK HTTP server on a loopback port the OS picks: what every HTTP stand-in of the tests answers on. */
public final class LoopbackServer {
  private LoopbackServer() {}

  public static HttpServer start(String path, HttpHandler handler) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(path, handler);
    server.start();
    return server;
  }
}
