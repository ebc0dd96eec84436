package io.chaosfn.functions;

import com.sun.net.httpserver.HttpServer;
import io.chaosfn.notify.eventbridge.PutEventsStandIn;
import io.chaosfn.store.dynamodb.DynamoDbTables;
import io.chaosfn.testing.LoopbackServer;
import io.chaosfn.trigger.Senders;
import io.chaosfn.trigger.secretsmanager.SecretsManagerStandIn;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The functions as the end-to-end tests run them: {@link Components} built from a {@link Settings} map that points
 * at the test's DynamoDB and S3 ({@link LocalAws}: a table and a bucket of its own, created here, experiments
 * under {@value #PREFIX}), {@link PutEventsStandIn}, a stand-in for EventBridge, and {@link SecretsManagerStandIn},
 * a stand-in for Secrets Manager holding the webhook's Flux key as the secret {@value #WEBHOOK_SECRET_ID} (neither
 * has a local implementation, decisions.md §5). It also serves {@code /health} (200) for experiments' http probes.
 * One per test, closed afterwards.
 */
final class LocalFunctions implements AutoCloseable {
  static final String PREFIX = "exp/";
  static final String WEBHOOK_SECRET_ID = "chaosfn/webhook";
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  final PutEventsStandIn eventBridge = PutEventsStandIn.accepting();
  final SecretsManagerStandIn secretsManager = new SecretsManagerStandIn(
      "{\"flux\": \"" + Senders.FLUX_KEY + "\"}");
  final String table;
  final String bucket;
  private final LocalAws aws;
  private final DynamoDbClient dynamoDb;
  private final S3Client s3;
  private final HttpServer health;

  LocalFunctions(LocalAws aws) {
    this.aws = aws;
    this.dynamoDb = aws.dynamoDb();
    this.s3 = aws.s3();
    int instance = INSTANCES.incrementAndGet();
    table = "chaosfn-" + instance;
    bucket = "experiments-" + instance;
    DynamoDbTables.create(dynamoDb, table);
    s3.createBucket(b -> b.bucket(bucket));
    health = LoopbackServer.start("/health", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
  }

  /** A client of the DynamoDB the functions write to; {@link #table} is theirs. */
  DynamoDbClient dynamoDb() {
    return dynamoDb;
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
    s3.putObject(p -> p.bucket(bucket).key(PREFIX + name), RequestBody.fromString(document, StandardCharsets.UTF_8));
    return "s3://" + bucket + "/" + PREFIX + name;
  }

  /** Uploads a healthy experiment, id {@code frontend-health}, that a deploy of {@code default/frontend-app} triggers. */
  void putDeployTriggeredExperiment() {
    putExperiment("frontend.yaml", healthyExperiment("frontend stays healthy after a deploy", """
        method: []
        extensions:
          - name: chaosfn
            id: frontend-health
            triggers:
              deploy: {match: {namespace: default, workload: frontend-app}}
        """));
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
    env.put(Settings.WEBHOOK_SECRET_ID, WEBHOOK_SECRET_ID);
    env.put(Settings.ENDPOINT_PREFIX + "SECRETSMANAGER", secretsManager.endpoint().toString());
    env.putAll(extra);
    return new Components(Settings.from(env), Clock.systemUTC());
  }

  /** Stops the stand-ins and removes the table and the bucket. */
  @Override
  public void close() {
    eventBridge.close();
    secretsManager.close();
    health.stop(0);
    dynamoDb.deleteTable(delete -> delete.tableName(table));
    s3.listObjectsV2(list -> list.bucket(bucket)).contents()
        .forEach(object -> s3.deleteObject(delete -> delete.bucket(bucket).key(object.key())));
    s3.deleteBucket(delete -> delete.bucket(bucket));
  }
}
