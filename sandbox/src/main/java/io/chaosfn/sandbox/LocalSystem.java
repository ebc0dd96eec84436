package io.chaosfn.sandbox;

import io.chaosfn.functions.AwsCredentialVariables;
import io.chaosfn.functions.Components;
import io.chaosfn.functions.Settings;
import io.chaosfn.functions.SlackVariables;
import io.chaosfn.local.DynaliteProcess;
import io.chaosfn.store.dynamodb.DynamoDbTables;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Everything the functions talk to, on this machine: dynalite (the journal table), s3proxy (the experiments
 * bucket), the mock API server (the cluster, seeded) with the simulated Patroni and frontend v1, the printing Slack,
 * and the Secrets Manager and EventBridge stand-ins; and the {@link Settings} the functions would get in Lambda,
 * pointing at them. {@link #close()} stops them all, in reverse order, once; a constructor that fails stops what
 * it had started.
 */
final class LocalSystem implements AutoCloseable {
  static final String REGION = "us-east-1";
  static final String TABLE = "chaosfn";
  static final String BUCKET = "chaosfn-experiments";
  static final String PREFIX = "experiments/";
  static final String WEBHOOK_SECRET_ID = "chaosfn/webhook";
  static final String SLACK_CHANNEL = "#chaos";
  /** The key Flux's generic-hmac provider and the webhook share, as the Alert's Secret and the chaosfn secret hold. */
  static final String FLUX_KEY = "sandbox-flux-hmac-key";
  private static final String ACCESS_KEY = "sandbox-access-key";
  private static final String SECRET_KEY = "sandbox-secret-key";
  private static final Duration DATABASE_RESTART = Duration.ofSeconds(1);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  final DynaliteProcess dynamoDb;
  final LocalS3 s3;
  final LocalCluster cluster;
  final FrontendService frontend;
  final SimulatedRollout rollout;
  final PrintingSlack slack;
  final LocalEventBus events;
  private final LocalSecretsManager secrets;

  /** @param nodeProject {@code infrastructure/local}, where {@code npm ci} installed dynalite */
  LocalSystem(Path nodeProject, Consumer<String> say) throws Exception {
    try {
      dynamoDb = started(DynaliteProcess.start(nodeProject));
      try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamoDb.endpoint())
          .region(Region.of(REGION)).credentialsProvider(credentials())
          .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
        DynamoDbTables.create(client, TABLE);
      }
      s3 = started(new LocalS3(REGION, ACCESS_KEY, SECRET_KEY));
      s3.createBucket(BUCKET);
      cluster = started(new LocalCluster());
      cluster.seed("frontend:1");
      frontend = started(new FrontendService(cluster, 1));
      started(new SimulatedPatroni(cluster, DATABASE_RESTART, say));
      rollout = new SimulatedRollout(cluster, frontend, say);
      slack = started(new PrintingSlack(say));
      secrets = started(new LocalSecretsManager(Map.of(WEBHOOK_SECRET_ID, "{\"flux\": \"" + FLUX_KEY + "\"}")));
      events = started(new LocalEventBus(REGION, Clock.systemUTC(), say));
    } catch (Exception | Error e) {
      close();
      throw e;
    }
  }

  /**
   * The functions' settings, as the template would set them, pointing at the local services: the deployment's
   * "EKS" cluster is the mock API server (experiments without cluster settings act on it, and deploys are awaited
   * on it), and the experiment reads the frontend's URL from {@code CHAOSFN_EXPERIMENT_FRONTEND_URL}.
   */
  Settings settings() {
    Map<String, String> env = new HashMap<>();
    env.put(Settings.REGION, REGION);
    env.put(AwsCredentialVariables.ACCESS_KEY_ID, ACCESS_KEY);
    env.put(AwsCredentialVariables.SECRET_ACCESS_KEY, SECRET_KEY);
    env.put(Settings.TABLE, TABLE);
    env.put(Settings.EXPERIMENTS_BUCKET, BUCKET);
    env.put(Settings.EXPERIMENTS_PREFIX, PREFIX);
    env.put(Settings.ENDPOINT_PREFIX + "DYNAMODB", dynamoDb.endpoint().toString());
    env.put(Settings.ENDPOINT_PREFIX + "S3", s3.endpoint().toString());
    env.put(Settings.ENDPOINT_PREFIX + "EVENTBRIDGE", events.endpoint().toString());
    env.put(Settings.ENDPOINT_PREFIX + "SECRETSMANAGER", secrets.endpoint().toString());
    env.put(Settings.WEBHOOK_SECRET_ID, WEBHOOK_SECRET_ID);
    env.put(Settings.EKS_CLUSTER, "sandbox");
    env.put(Settings.EKS_ENDPOINT, cluster.url());
    env.put(Settings.EKS_CA_DATA, cluster.caData());
    env.put("CHAOSFN_EXPERIMENT_FRONTEND_URL", frontend.url().toString());
    env.put(SlackVariables.CHANNEL, SLACK_CHANNEL);
    env.put(SlackVariables.API_URL, slack.apiUrl());
    env.put(SlackVariables.JOURNAL_API_URL, "https://journal.lambda-url.us-east-1.on.aws");
    env.put(Settings.SLACK_BOT_TOKEN, "xoxb-sandbox");
    return Settings.from(env);
  }

  Components components() {
    return new Components(settings(), Clock.systemUTC());
  }

  private <T extends AutoCloseable> T started(T service) {
    started.push(service);
    return service;
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  }

  /** Stops every service started, the last first; later calls do nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("sandbox: stopping a local service failed: " + e);
      }
    }
  }
}
