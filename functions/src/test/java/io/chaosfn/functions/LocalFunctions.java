package io.chaosfn.functions;

import com.sun.net.httpserver.HttpServer;
import io.chaosfn.notify.eventbridge.PutEventsStandIn;
import io.chaosfn.store.dynamodb.DynamoDbTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The functions as the end-to-end tests run them: {@link Components} built from a {@link Settings} map that points
 * at the test's DynamoDB and S3 ({@link LocalAws}: a table and a bucket of its own, created here, experiments
 * under {@value #PREFIX}) and {@link PutEventsStandIn}, a stand-in for EventBridge (no local implementation
 * exists, decisions.md §5). It also serves {@code /health} (200) for experiments' http probes. One per test;
 * close it afterwards.
 */
final class LocalFunctions implements AutoCloseable {
  static final String PREFIX = "exp/";
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  final PutEventsStandIn eventBridge = PutEventsStandIn.accepting();
  final String table;
  final String bucket;
  private final LocalAws aws;
  private final HttpServer health;

  LocalFunctions(LocalAws aws) {
    this.aws = aws;
    int instance = INSTANCES.incrementAndGet();
    table = "chaosfn-" + instance;
    bucket = "experiments-" + instance;
    DynamoDbTables.create(aws.dynamoDb(), table);
    aws.s3().createBucket(b -> b.bucket(bucket));
    try {
      health = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    health.createContext("/health", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    health.start();
  }

  /** Where an experiment's http probe finds a healthy service. */
  String healthUrl() {
    return "http://127.0.0.1:" + health.getAddress().getPort() + "/health";
  }

  /**
   * An experiment whose steady-state hypothesis probes {@link #healthUrl()} (so it holds), followed by
   * {@code rest}: its method and anything else, as YAML at the top level.
   */
  String healthyExperiment(String title, String rest) {
    return """
        title: %s
        description: an http probe around the method
        steady-state-hypothesis:
          title: healthy
          probes:
            - type: probe
              name: health
              tolerance: 200
              provider: {type: http, url: "%s", timeout: 5}
        """.formatted(title, healthUrl()) + rest;
  }

  /** Uploads an experiment document under the prefix; returns its {@code s3://} URI. */
  String putExperiment(String name, String document) {
    aws.s3().putObject(p -> p.bucket(bucket).key(PREFIX + name),
        RequestBody.fromString(document, StandardCharsets.UTF_8));
    return "s3://" + bucket + "/" + PREFIX + name;
  }

  /** The components over the local services, with {@code extra} variables added to the environment. */
  Components components(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(Map.of(
        Settings.REGION, "us-east-1",
        AwsCredentialVariables.ACCESS_KEY_ID, aws.accessKeyId(),
        AwsCredentialVariables.SECRET_ACCESS_KEY, aws.secretAccessKey(),
        Settings.TABLE, table,
        Settings.EXPERIMENTS_BUCKET, bucket,
        Settings.EXPERIMENTS_PREFIX, PREFIX,
        Settings.ENDPOINT_PREFIX + "DYNAMODB", aws.dynamoDbEndpoint().toString(),
        Settings.ENDPOINT_PREFIX + "S3", aws.s3Endpoint().toString(),
        Settings.ENDPOINT_PREFIX + "EVENTBRIDGE", eventBridge.endpoint().toString()));
    env.putAll(extra);
    return new Components(Settings.from(env), Clock.systemUTC());
  }

  @Override
  public void close() {
    eventBridge.close();
    health.stop(0);
  }
}
