package io.chaosfn.experiment.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chaosfn.experiment.InvalidExperimentException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP sources are served by a JDK {@link HttpServer} on loopback, started per test. */
class ExperimentLoaderTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(5);
  private static final String JSON_BODY = "{\"title\": \"from json\"}";
  private static final String YAML_BODY = "title: from yaml\nenabled: yes\n";

  @TempDir Path dir;
  private HttpServer server;
  private ExecutorService handlers;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    handlers = Executors.newCachedThreadPool();
    server.setExecutor(handlers);
    server.createContext("/", exchange -> {
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      route(exchange);
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    handlers.shutdownNow();
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    try {
      switch (path) {
        case "/e.json" -> respond(exchange, 200, "application/json; charset=utf-8", JSON_BODY);
        case "/e.yaml" -> respond(exchange, 200, "application/x-yaml", YAML_BODY);
        case "/text-yaml" -> respond(exchange, 200, "text/yaml", YAML_BODY);
        case "/plain-json" -> respond(exchange, 200, "text/plain", JSON_BODY);
        case "/plain-yaml" -> respond(exchange, 200, "text/plain", YAML_BODY);
        case "/html" -> respond(exchange, 200, "text/html", "<html></html>");
        case "/missing" -> respond(exchange, 404, "text/plain", "x".repeat(100_000));
        case "/redirect" -> {
          exchange.getResponseHeaders().add("Location", "/e.json");
          respond(exchange, 302, "text/plain", "");
        }
        case "/loop" -> {
          exchange.getResponseHeaders().add("Location", "/loop");
          respond(exchange, 302, "text/plain", "");
        }
        case "/slow" -> {
          Thread.sleep(3_000);
          respond(exchange, 200, "application/json", JSON_BODY);
        }
        case "/drip" -> drip(exchange);
        case "/huge" -> respond(exchange, 200, "application/json", "{\"pad\": \"" + "x".repeat(2_000) + "\"}");
        case "/huge-chunked" -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(("{\"pad\": \"" + "x".repeat(2_000) + "\"}").getBytes(UTF_8));
          }
        }
        default -> respond(exchange, 500, "text/plain", "unexpected " + path);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientWentAway) {
      exchange.close();
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void drip(HttpExchange exchange) throws IOException, InterruptedException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write("{\"a\": \"".getBytes(UTF_8));
      for (int i = 0; i < 1_000; i++) {
        out.write('x');
        out.flush();
        Thread.sleep(50);
      }
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private String authority() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private static LoadedDocument load(SourceOptions options, String source) {
    return assertTimeoutPreemptively(HANG_GUARD, () -> new ExperimentLoader(options).load(source));
  }

  private static String error(SourceOptions options, String source) {
    InvalidExperimentException e =
        assertTimeoutPreemptively(
            HANG_GUARD,
            () -> {
              try {
                new ExperimentLoader(options).load(source);
              } catch (InvalidExperimentException thrown) {
                return thrown;
              }
              throw new AssertionError("loaded " + source);
            });
    return e.getMessage();
  }

  @Test
  void load_jsonFile_isReadByExtension() throws IOException {
    Path file = Files.writeString(dir.resolve("e.json"), JSON_BODY);

    LoadedDocument loaded = load(SourceOptions.defaults(), file.toString());

    assertThat(loaded.tree().get("title").asString()).isEqualTo("from json");
    assertThat(loaded.format()).isEqualTo(DocumentFormat.JSON);
    assertThat(loaded.origin()).isEqualTo(file.toString());
  }

  @Test
  void load_ymlFile_isYaml11() throws IOException {
    Path file = Files.writeString(dir.resolve("e.yml"), YAML_BODY);

    LoadedDocument loaded = load(SourceOptions.defaults(), file.toString());

    assertThat(loaded.tree().get("enabled").booleanValue()).isTrue();
    assertThat(loaded.format()).isEqualTo(DocumentFormat.YAML);
  }

  @ParameterizedTest
  @ValueSource(strings = {"e.txt", "e.JSON", "experiment"})
  void load_fileWithOtherExtension_isRefused(String name) throws IOException {
    Path file = Files.writeString(dir.resolve(name), JSON_BODY);

    String message = error(SourceOptions.defaults(), file.toString());

    assertThat(message).isEqualTo(file + ": only files with json, yaml or yml extensions are supported");
  }

  @Test
  void load_directoryNamedLikeADocument_isRefused() throws IOException {
    Path directory = Files.createDirectory(dir.resolve("d.json"));

    String message = error(SourceOptions.defaults(), directory.toString());

    assertThat(message).isEqualTo(directory + ": not a regular file");
  }

  @Test
  void load_fileOverTheLimit_isRefusedBeforeReading() throws IOException {
    Path file = Files.writeString(dir.resolve("big.json"), "{\"a\": \"" + "x".repeat(200) + "\"}");

    String message = error(SourceOptions.defaults().withMaxBytes(100), file.toString());

    assertThat(message).isEqualTo(file + ": the file is larger than the limit of 100 bytes");
  }

  @Test
  void load_missingPath_saysItDoesNotExist() {
    String message = error(SourceOptions.defaults(), "no/such/experiment.json");

    assertThat(message).isEqualTo("Path \"no/such/experiment.json\" does not exist.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://host/e.json", "file:///etc/e.json", "s3://bucket/e.json"})
  void load_otherScheme_isRefused(String source) {
    String scheme = source.substring(0, source.indexOf(':'));

    String message = error(SourceOptions.defaults(), source);

    assertThat(message).isEqualTo("'" + scheme + "' is not a supported source scheme.");
  }

  @Test
  void load_jsonOverHttp_isParsedByContentType() {
    LoadedDocument loaded = load(SourceOptions.defaults(), url("/e.json"));

    assertThat(loaded.tree().get("title").asString()).isEqualTo("from json");
    assertThat(loaded.origin()).isEqualTo(url("/e.json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/e.yaml", "/text-yaml", "/plain-yaml"})
  void load_yamlOverHttp_isParsedAsYaml(String path) {
    LoadedDocument loaded = load(SourceOptions.defaults(), url(path));

    assertThat(loaded.tree().get("title").asString()).isEqualTo("from yaml");
    assertThat(loaded.format()).isEqualTo(DocumentFormat.YAML);
  }

  @Test
  void load_plainTextJson_isParsedAsJson() {
    LoadedDocument loaded = load(SourceOptions.defaults(), url("/plain-json"));

    assertThat(loaded.format()).isEqualTo(DocumentFormat.JSON);
  }

  @Test
  void load_otherContentType_isRefused() {
    String message = error(SourceOptions.defaults(), url("/html"));

    assertThat(message)
        .isEqualTo(url("/html") + ": only files with json, yaml or yml extensions are supported (the server sent Content-Type text/html)");
  }

  @Test
  void load_notFound_reportsTheStatusWithoutTheBody() {
    String message = error(SourceOptions.defaults(), url("/missing"));

    assertThat(message).isEqualTo(url("/missing") + ": Failed to fetch the experiment: 404");
  }

  @Test
  void load_slowServer_timesOutWithAClearMessage() {
    String message = error(SourceOptions.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)), url("/slow"));

    assertThat(message).startsWith(url("/slow") + ": no response in time (Read timed out");
  }

  @Test
  void load_drippingBody_isCutOffAtTheReadTimeout() {
    String message = error(SourceOptions.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)), url("/drip"));

    assertThat(message).isEqualTo(url("/drip") + ": the body took longer than the read timeout of 300 ms");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/huge", "/huge-chunked"})
  void load_bodyOverTheLimit_isRefused(String path) {
    String message = error(SourceOptions.defaults().withMaxBytes(1_000), url(path));

    assertThat(message).startsWith(url(path) + ": the document is ").endsWith("the limit of 1000 bytes");
  }

  @Test
  void load_bearerToken_isSentAsBearerHeader() {
    load(SourceOptions.defaults().withBearerToken("tok123"), url("/e.json"));

    assertThat(authorizations).containsExactly("bearer tok123");
  }

  @Test
  void load_authsForHostAndPort_areSentWhenNoToken() {
    load(SourceOptions.defaults().withAuths(Map.of(authority(), "basic xyz", "other:1", "bearer no")), url("/e.json"));

    assertThat(authorizations).containsExactly("basic xyz");
  }

  @Test
  void load_authsForAnotherPort_areNotSent() {
    load(SourceOptions.defaults().withAuths(Map.of("127.0.0.1", "basic xyz")), url("/e.json"));

    assertThat(authorizations).containsExactly("null");
  }

  @Test
  void load_redirectOnSameHost_isFollowedWithTheToken() {
    LoadedDocument loaded = load(SourceOptions.defaults().withBearerToken("tok"), url("/redirect"));

    assertThat(loaded.tree().get("title").asString()).isEqualTo("from json");
    assertThat(authorizations).containsExactly("bearer tok", "bearer tok");
  }

  @Test
  void load_redirectLoop_isRefused() {
    String message = error(SourceOptions.defaults(), url("/loop"));

    assertThat(message).isEqualTo(url("/loop") + ": more than " + ExperimentLoader.MAX_REDIRECTS + " redirects");
  }

  @Test
  void load_urlWithCredentials_neverPrintsThem() {
    String message = error(SourceOptions.defaults(), "http://user:pw@127.0.0.1:" + server.getAddress().getPort() + "/missing?X-Amz-Signature=secret");

    assertThat(message).doesNotContain("pw").doesNotContain("secret").startsWith(url("/missing") + ": ");
  }

  @Test
  void load_refusedConnection_isAClearError() throws IOException {
    int port;
    try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    String message = error(SourceOptions.defaults(), "http://127.0.0.1:" + port + "/e.json");

    assertThat(message).startsWith("http://127.0.0.1:" + port + "/e.json: cannot connect (");
  }

  @Test
  void toString_neverShowsCredentials() {
    String text = SourceOptions.defaults().withBearerToken("tok123").withAuths(Map.of("h", "basic xyz")).toString();

    assertThat(text).doesNotContain("tok123").doesNotContain("xyz");
  }

  @Test
  void sourceOptions_nonPositiveTimeout_isRefused() {
    assertThatThrownBy(() -> SourceOptions.defaults().withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
