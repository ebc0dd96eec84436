package io.chaosfn.store.dynamodb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * dynalite (the DynamoDB API in Node, memory store) as a JUnit 5 extension: one {@code node} process per test
 * class, on a free loopback port, stopped after the class. The Maven build installs it with {@code npm ci} in
 * {@code infrastructure/local}, found through the {@code chaosfn.root} system property. Its limits
 * (local-test-infrastructure.md §1): no transactions, no UpdateTimeToLive, TTL never deletes.
 *
 * <p>Usable without JUnit too ({@link #start()} / {@link #close()}), as the store benchmark does.
 */
public final class Dynalite implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("Dynalite listening at: .*:(\\d+)");
  private static final long START_TIMEOUT_SECONDS = 20;

  private final List<DynamoDbClient> clients = new CopyOnWriteArrayList<>();
  private Process process;
  private int port;

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Starts dynalite and waits until it listens. */
  public Dynalite start() {
    Path directory = nodeDirectory();
    Path cli = directory.resolve("node_modules/dynalite/cli.js");
    if (!Files.isRegularFile(cli)) {
      throw new IllegalStateException(cli + " is missing: run `npm ci` in " + directory
          + " (mvn runs it in generate-test-resources)");
    }
    int requested = freePort();
    ProcessBuilder builder = new ProcessBuilder(List.of("node", cli.toString(), "--host", "127.0.0.1", "--port",
        String.valueOf(requested), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"))
        .directory(directory.toFile())
        .redirectErrorStream(true);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node for dynalite", e);
    }
    port = awaitListening();
    return this;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /**
   * A client for this dynalite: url-connection HTTP client, dummy static credentials, us-east-1. Closed with
   * dynalite.
   */
  public DynamoDbClient client(ExecutionInterceptor... interceptors) {
    DynamoDbClient client = DynamoDbClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> List.of(interceptors).forEach(c::addExecutionInterceptor))
        .build();
    clients.add(client);
    return client;
  }

  @Override
  public void close() {
    clients.forEach(DynamoDbClient::close);
    clients.clear();
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private int awaitListening() {
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> readOutput(listening), "dynalite-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return listening.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      close();
      throw new IllegalStateException("dynalite did not report listening within " + START_TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting dynalite", e);
    }
  }

  /** Reads node's output to the end, so the process never blocks on a full pipe; reports the listening port. */
  private void readOutput(CompletableFuture<Integer> listening) {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          listening.complete(Integer.parseInt(matcher.group(1)));
        }
      }
      listening.completeExceptionally(new IllegalStateException("dynalite exited before listening"));
    } catch (IOException e) {
      listening.completeExceptionally(e);
    }
  }

  private static Path nodeDirectory() {
    String root = System.getProperty("chaosfn.root");
    if (root == null) {
      throw new IllegalStateException("system property chaosfn.root (the repository root) is not set; "
          + "Maven's surefire sets it");
    }
    return Path.of(root, "infrastructure", "local");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
