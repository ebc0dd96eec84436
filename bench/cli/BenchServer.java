import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The local HTTP peer of the CLI benchmark: answers every GET with 200 and a two-byte body, and prints its port
 * on stdout. Start it with {@code -Dsun.net.httpserver.nodelay=true}: without it each keep-alive request waits
 * for a delayed ACK (docs/performance.md).
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    byte[] body = "OK".getBytes(StandardCharsets.US_ASCII);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", "text/plain");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    System.out.println(server.getAddress().getPort());
  }
}
