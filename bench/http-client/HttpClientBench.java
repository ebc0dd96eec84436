import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The measurement behind the http provider's choice of JDK client (docs/performance.md).
 *
 * <pre>
 *   java HttpClientBench server                   # serves "OK" on a free loopback port, prints the port
 *   java HttpClientBench urlconnection PORT N     # N GETs through HttpURLConnection, then exits
 *   java HttpClientBench httpclient PORT N        # N GETs through one java.net.http HttpClient
 *   java HttpClientBench hello                    # an empty JVM, the floor
 * </pre>
 * Each client mode prints the in-process time to the first response and for all N on stderr; the whole-process
 * time is measured from outside by run.sh.
 */
public final class HttpClientBench {
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "server" -> serve();
      case "urlconnection" -> timed(args, HttpClientBench::urlConnection);
      case "httpclient" -> timed(args, new JdkClient()::get);
      case "hello" -> { }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  interface Get {
    int get(String url) throws Exception;
  }

  private static void timed(String[] args, Get client) throws Exception {
    String url = "http://127.0.0.1:" + args[1] + "/health";
    int count = Integer.parseInt(args[2]);
    long start = System.nanoTime();
    client.get(url);
    long first = System.nanoTime();
    for (int i = 1; i < count; i++) {
      if (client.get(url) != 200) {
        throw new IllegalStateException("unexpected status");
      }
    }
    long end = System.nanoTime();
    System.err.printf("%s first=%.1fms all=%.1fms%n", args[0], (first - start) / 1e6, (end - start) / 1e6);
  }

  private static int urlConnection(String url) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    int status = connection.getResponseCode();
    try (InputStream in = connection.getInputStream()) {
      in.readAllBytes();
    }
    return status;
  }

  private static final class JdkClient {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    int get(String url) throws Exception {
      return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
          .statusCode();
    }
  }

  private static void serve() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = "OK".getBytes(StandardCharsets.UTF_8);
    server.createContext("/health", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, body.length);
      try (var out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    System.out.println(server.getAddress().getPort());
    System.out.flush();
    Thread.currentThread().join();
  }
}
