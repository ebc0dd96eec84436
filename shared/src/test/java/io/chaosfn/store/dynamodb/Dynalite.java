package io.chaosfn.store.dynamodb;

import io.chaosfn.local.DynaliteProcess;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
 * dynalite ({@link DynaliteProcess}) as a JUnit 5 extension: one {@code node} process per test class, stopped
 * after the class. The Maven build installs it with {@code npm ci} in {@code infrastructure/local}, found through
 * the {@code chaosfn.root} system property.
 *
 * <p>Usable without JUnit too ({@link #start()} / {@link #close()}), as the store benchmark does.
 */
public final class Dynalite implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  private final List<DynamoDbClient> clients = new CopyOnWriteArrayList<>();
  private final AtomicInteger tables = new AtomicInteger();
  private DynaliteProcess process;

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
    process = DynaliteProcess.start(nodeDirectory());
    return this;
  }

  public URI endpoint() {
    return process.endpoint();
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

  /** Creates a chaosfn table ({@link DynamoDbTables}) named {@code prefix-N}, a new one on every call. */
  public String createTable(DynamoDbClient client, String prefix) {
    String name = prefix + "-" + tables.incrementAndGet();
    DynamoDbTables.create(client, name);
    return name;
  }

  @Override
  public void close() {
    clients.forEach(DynamoDbClient::close);
    clients.clear();
    if (process != null) {
      process.close();
      process = null;
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
}
