package io.chaosfn.functions;

import io.chaosfn.activity.ActivityProvider;
import io.chaosfn.activity.ActivityRegistry;
import io.chaosfn.activity.Providers;
import io.chaosfn.activity.PythonProvider;
import io.chaosfn.activity.http.HttpPolicy;
import io.chaosfn.activity.http.HttpProvider;
import io.chaosfn.activity.process.ProcessProvider;
import io.chaosfn.engine.RunContext;
import io.chaosfn.engine.Runner;
import io.chaosfn.engine.Sleeper;
import io.chaosfn.engine.control.NativeControl;
import io.chaosfn.engine.control.Safeguards;
import io.chaosfn.experiment.ExperimentParser;
import io.chaosfn.flow.ExperimentDocuments;
import io.chaosfn.flow.JournalQueryService;
import io.chaosfn.flow.RunEngine;
import io.chaosfn.flow.RolloutWatch;
import io.chaosfn.flow.RunNotifiers;
import io.chaosfn.flow.RunService;
import io.chaosfn.flow.ScheduleSyncService;
import io.chaosfn.flow.SweepService;
import io.chaosfn.flow.WebhookService;
import io.chaosfn.kubernetes.GuardrailPolicy;
import io.chaosfn.kubernetes.KubernetesActivities;
import io.chaosfn.kubernetes.deployment.DeploymentRollouts;
import io.chaosfn.kubernetes.auth.ClusterAccess;
import io.chaosfn.kubernetes.auth.ClusterClients;
import io.chaosfn.notify.EventPublisher;
import io.chaosfn.notify.PublishingFailedException;
import io.chaosfn.notify.eventbridge.EventBridgePublisher;
import io.chaosfn.notify.slack.SlackCredentials;
import io.chaosfn.notify.slack.SlackNotifications;
import io.chaosfn.notify.eventbridge.EventBridgeRunRequests;
import io.chaosfn.store.ExperimentSource;
import io.chaosfn.store.SourcedExperiment;
import io.chaosfn.store.dynamodb.DynamoDbDeliveryLog;
import io.chaosfn.store.dynamodb.DynamoDbExperimentKeys;
import io.chaosfn.store.JournalLayout;
import io.chaosfn.store.dynamodb.DynamoDbJournalStore;
import io.chaosfn.store.dynamodb.LargeJournalBucket;
import io.chaosfn.store.s3.S3LargeJournalBucket;
import io.chaosfn.store.dynamodb.DynamoDbRunLock;
import io.chaosfn.store.s3.S3ExperimentSource;
import io.chaosfn.trigger.s3.S3ExperimentCatalog;
import io.chaosfn.trigger.schedule.scheduler.EventBridgeSchedules;
import io.chaosfn.trigger.secretsmanager.SecretsManagerWebhookSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The functions' composition root: builds each function's service, with the clients it needs, from
 * {@link Settings}. Each handler calls one of the flow methods once per container and keeps the service in a final
 * field, so what outlives an invocation (the S3 document cache, the webhook's secret and catalog, the EKS token)
 * lives in objects made here. A flow method builds only the clients its function calls, so a function neither pays
 * for nor needs the settings of another; a setting only one function needs is checked by its flow method, which
 * throws {@link Settings.InvalidSettingsException} naming the variable. SDK clients use the url-connection HTTP
 * client, the settings' region and the runtime's credentials; nothing here reads the environment itself.
 *
 * <p>Sections: AWS clients, activities, flows.
 */
public final class Components {
  /**
   * Each AWS call of the webhook gets at most a second, retries included: the sender waits for the answer and the
   * whole request should take under 3 s.
   */
  static final Duration WEBHOOK_CALL_TIMEOUT = Duration.ofSeconds(1);

  private final Settings settings;
  private final Clock clock;
  private final AwsCredentialsProvider credentials;
  private final Optional<SlackNotifications> slack;
  private final List<NativeControl> controls;

  public Components(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.credentials = settings.credentials();
    this.slack = settings.slack().notifications(slackCredentials());
    List<NativeControl> natives = new ArrayList<>(List.of(new Safeguards()));
    slack.ifPresent(s -> natives.add(s.control()));
    this.controls = List.copyOf(natives);
  }

  public static Components fromEnvironment() {
    return new Components(Settings.fromEnvironment(), Clock.systemUTC());
  }

  // AWS clients

  private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, String service,
      Duration callTimeout) {
    builder.region(Region.of(settings.region())).credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (callTimeout != null) {
      builder.overrideConfiguration(c -> c.apiCallTimeout(callTimeout));
    }
    settings.endpoint(service).ifPresent(builder::endpointOverride);
    return builder;
  }

  private DynamoDbClient dynamoDb(Duration callTimeout) {
    return configure(DynamoDbClient.builder(), "DYNAMODB", callTimeout).build();
  }

  private S3Client s3(Duration callTimeout) {
    return configure(S3Client.builder(), "S3", callTimeout).forcePathStyle(settings.endpoint("S3").isPresent())
        .build();
  }

  private EventBridgeClient eventBridge(Duration callTimeout) {
    return configure(EventBridgeClient.builder(), "EVENTBRIDGE", callTimeout).build();
  }

  /**
   * Runs {@code call} on a throwaway client of a service whose endpoint is a closed loopback port, with dummy
   * credentials and no retries: the request is marshalled, its endpoint resolved, signed and sent, and fails at
   * connect. So priming ({@link Priming}) loads what an SDK call loads, short of parsing an answer, while no
   * request leaves the process and the function's own credentials are not resolved into the snapshot.
   */
  private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends SdkClient> void offline(
      B builder, Consumer<C> call) {
    builder.region(Region.of(settings.region()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(closedLoopbackPort())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
    try (C client = builder.build()) {
      call.accept(client);
    } catch (SdkClientException refused) {
      // Expected: nothing listens there. The call got as far as it can without leaving the process.
    }
  }

  private static URI closedLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException("no loopback port for priming", e);
    }
  }

  /**
   * The bot token: {@code SLACK_BOT_TOKEN} as given, or the string of the {@code CHAOSFN_SLACK_TOKEN_SECRET_ID}
   * secret, read when a run posts its first message (so a rotated token is picked up); the client is built then,
   * so functions that never post never build it.
   */
  private Optional<SlackCredentials> slackCredentials() {
    if (settings.slackBotToken() != null) {
      return Optional.of(SlackCredentials.of(settings.slackBotToken()));
    }
    String secretId = settings.slackTokenSecretId();
    if (secretId == null) {
      return Optional.empty();
    }
    Lazy<SecretsManagerClient> client = new Lazy<>(() -> configure(SecretsManagerClient.builder(),
        "SECRETSMANAGER", null).build());
    return Optional.of(() -> {
      try {
        return client.get().getSecretValue(request -> request.secretId(secretId)).secretString();
      } catch (SdkException e) {
        throw new PublishingFailedException("cannot read the Slack bot token from " + secretId + ": "
            + e.getClass().getSimpleName(), null);
      }
    });
  }

  private S3ExperimentSource experiments(S3Client s3) {
    return new S3ExperimentSource(s3, settings.experimentsBucket(), settings.experimentsPrefix());
  }

  // activities

  /**
   * decisions.md §4: http probes to link-local and metadata addresses refused, the process provider only when
   * enabled, chaosk8s activities against the deployment's cluster with the default guardrails.
   */
  private Providers providers(ClusterClients clusters) {
    ActivityRegistry registry = new KubernetesActivities(clusters, GuardrailPolicy.defaults())
        .registerInto(ActivityRegistry.builder()).build();
    List<ActivityProvider> all = new ArrayList<>(List.of(new HttpProvider(HttpPolicy.restricted()),
        new PythonProvider(registry)));
    if (settings.processProvider()) {
      all.add(new ProcessProvider(settings.experimentEnvironment()));
    }
    return new Providers(all);
  }

  private ClusterClients clusters() {
    return new ClusterClients(settings.cluster().map(c -> new ClusterAccess.Eks(c.name(), settings.region(),
        c.endpoint(), c.caData())), this::clusterCredentials, clock);
  }

  /**
   * Deploys are reported for the cluster an experiment without cluster settings acts on: the deployment's EKS
   * cluster, or what the experiment environment names ({@code KUBERNETES_HOST} and the rest, as chaosk8s reads).
   */
  private RolloutWatch rollouts(ClusterClients clusters) {
    return new DeploymentRollouts(() -> clusters.client(JsonNodeFactory.instance.objectNode(),
        settings.experimentEnvironment()));
  }

  private AwsCredentialsIdentity clusterCredentials() {
    return credentials.resolveCredentials();
  }

  private ExperimentParser parser(Providers providers) {
    return new ExperimentParser(providers,
        controls.stream().collect(Collectors.toMap(NativeControl::module, c -> c::validate)));
  }

  private RunEngine engine(Providers providers) {
    String platform = System.getProperty("os.name") + "-" + System.getProperty("os.version") + "-"
        + System.getProperty("os.arch") + "-with-java" + System.getProperty("java.version");
    String node = settings.functionName() == null ? "chaosfn" : settings.functionName();
    return new RunEngine(new Runner(controls), providers, settings.experimentEnvironment(),
        settings.rollbackReserve(), List.of(), clock, Sleeper.REAL, new RunContext.Host(platform, node));
  }

  private String clusterName() {
    return settings.cluster().map(Settings.EksCluster::name).orElse(null);
  }

  // flows

  /**
   * A function's service and its priming for a SnapStart snapshot: builds the clients the service otherwise builds
   * on first use, and runs each kind of SDK call it makes {@linkplain #offline offline}.
   */
  public record Flow<T>(T service, Runnable prime) {}

  /**
   * RunExperiment: DynamoDB (runs, locks), S3 (experiments), EventBridge ({@code chaosfn.run.finished}), and Slack
   * when configured.
   */
  public RunService runs() {
    RunParts parts = runParts();
    RunNotifiers notifiers = slack.<RunNotifiers>map(s -> s::forRun).orElse(RunNotifiers.NONE);
    return new RunService(parts.experiments(), parts.parser(), parts.journals(), parts.locks(), parts.events(),
        parts.engine(), clusterName(), rollouts(parts.clusters()), notifiers);
  }

  /** Sweeper: the same clients as {@link #runs()}. */
  public SweepService sweeps() {
    RunParts parts = runParts();
    return new SweepService(parts.experiments(), parts.parser(), parts.journals(), parts.locks(), parts.events(),
        parts.engine());
  }

  /**
   * What running an experiment takes; runs and sweeps (which roll back) need the same. S3 and EventBridge are
   * built on first use: a sweep that finds nothing to finish calls neither.
   */
  private record RunParts(ExperimentSource experiments, ExperimentParser parser, DynamoDbJournalStore journals,
      DynamoDbRunLock locks, EventPublisher events, RunEngine engine, ClusterClients clusters) {}

  private RunParts runParts() {
    DynamoDbClient dynamoDb = dynamoDb(null);
    ClusterClients clusters = clusters();
    Providers providers = providers(clusters);
    Lazy<S3Client> s3 = new Lazy<>(() -> s3(null));
    Lazy<S3ExperimentSource> experiments = new Lazy<>(() -> experiments(s3.get()));
    Lazy<EventBridgePublisher> events = new Lazy<>(() -> new EventBridgePublisher(eventBridge(null),
        settings.eventBus()));
    return new RunParts(Lazy.experimentSource(experiments), parser(providers), journals(dynamoDb, s3),
        new DynamoDbRunLock(dynamoDb, settings.table()), event -> events.get().publish(event), engine(providers),
        clusters);
  }

  /**
   * ScheduleSync: S3 (the documents, read through the experiment source), DynamoDB (the key map), the Scheduler
   * (schedules in the group of the settings, invoking RunExperiment with the Scheduler role).
   *
   * @throws Settings.InvalidSettingsException when the schedule target and role are not set
   */
  public ScheduleSyncService scheduleSync() {
    Settings.ScheduleTarget target = settings.schedules().orElse(null);
    Settings.needed(target == null ? null : target.functionArn(), Settings.SCHEDULE_TARGET_ARN,
        "ScheduleSync's schedules invoke this function, with the role in " + Settings.SCHEDULER_ROLE_ARN);
    S3ExperimentSource experiments = experiments(s3(null));
    ExperimentDocuments documents = uri -> {
      SourcedExperiment document = experiments.load(uri);
      return new ExperimentDocuments.Document(document.tree(), document.experimentId());
    };
    SchedulerClient scheduler = configure(SchedulerClient.builder(), "SCHEDULER", null).build();
    return new ScheduleSyncService(documents, new DynamoDbExperimentKeys(dynamoDb(null), settings.table()),
        new EventBridgeSchedules(scheduler, target.group(), target.functionArn(), target.roleArn()));
  }

  /** JournalApi: DynamoDB, and S3 only when large journals have a bucket. */
  public JournalQueryService journalQueries() {
    return journalQueryFlow().service();
  }

  /** {@link #journalQueries()}, primed by an offline Query. */
  public Flow<JournalQueryService> journalQueryFlow() {
    return new Flow<>(new JournalQueryService(journals(dynamoDb(null), () -> s3(null))),
        () -> offline(DynamoDbClient.builder(), dynamoDb -> dynamoDb.query(query -> query.tableName(settings.table())
            .keyConditionExpression("PK = :pk")
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("priming"))))));
  }

  /** The journal store; journals above the item's inline limit go to {@code CHAOSFN_JOURNALS_BUCKET} when set. */
  private DynamoDbJournalStore journals(DynamoDbClient dynamoDb, Supplier<S3Client> s3) {
    LargeJournalBucket bucket = settings.journalsBucket() == null ? LargeJournalBucket.none()
        : new S3LargeJournalBucket(s3.get(), settings.journalsBucket());
    return new DynamoDbJournalStore(dynamoDb, settings.table(), JournalLayout.defaults(), bucket);
  }

  /**
   * Webhook: Secrets Manager (its keys), DynamoDB (deliveries), S3 (the experiment catalog), EventBridge
   * ({@code chaosfn.run.requested}), each call bounded by {@link #WEBHOOK_CALL_TIMEOUT}. Each client is built when
   * the service first calls it, so a request refused by its route, method or size check builds none.
   *
   * @throws Settings.InvalidSettingsException when the secret id or the experiments bucket is not set
   */
  public WebhookService webhooks() {
    return webhookFlow().service();
  }

  /**
   * {@link #webhooks()}, primed by building its four clients and by an offline GetSecretValue (the JSON protocol
   * of Secrets Manager, DynamoDB and EventBridge) and ListObjectsV2 (S3's XML). Building the secrets reads no
   * secret: they are fetched on the first authentication, after the restore.
   *
   * @throws Settings.InvalidSettingsException when the secret id or the experiments bucket is not set
   */
  public Flow<WebhookService> webhookFlow() {
    String secretId = Settings.needed(settings.webhookSecretId(), Settings.WEBHOOK_SECRET_ID,
        "the webhook reads its keys from this Secrets Manager secret");
    String bucket = Settings.needed(settings.experimentsBucket(), Settings.EXPERIMENTS_BUCKET,
        "the webhook matches deploys against the experiments in this bucket");
    Lazy<SecretsManagerWebhookSecrets> secrets = new Lazy<>(() -> new SecretsManagerWebhookSecrets(
        configure(SecretsManagerClient.builder(), "SECRETSMANAGER", WEBHOOK_CALL_TIMEOUT).build(), secretId,
        settings.webhookSecretTtl(), clock));
    Lazy<DynamoDbDeliveryLog> deliveries = new Lazy<>(() -> new DynamoDbDeliveryLog(
        dynamoDb(WEBHOOK_CALL_TIMEOUT), settings.table()));
    Lazy<S3ExperimentCatalog> catalog = new Lazy<>(() -> {
      S3Client s3 = s3(WEBHOOK_CALL_TIMEOUT);
      return new S3ExperimentCatalog(s3, experiments(s3), bucket, settings.experimentsPrefix(),
          S3ExperimentCatalog.DEFAULT_TTL, clock);
    });
    Lazy<EventBridgeRunRequests> runRequests = new Lazy<>(() -> new EventBridgeRunRequests(
        eventBridge(WEBHOOK_CALL_TIMEOUT), settings.eventBus()));
    WebhookService service = new WebhookService(source -> secrets.get().secret(source),
        Lazy.deliveryLog(deliveries), () -> catalog.get().experiments(),
        requests -> runRequests.get().request(requests), clock);
    return new Flow<>(service, () -> {
      List.of(secrets, deliveries, catalog, runRequests).forEach(Lazy::get);
      offline(SecretsManagerClient.builder(), secretsManager -> secretsManager.getSecretValue(
          request -> request.secretId(secretId)));
      offline(S3Client.builder().forcePathStyle(true), s3 -> s3.listObjectsV2(request -> request.bucket(bucket)
          .prefix(settings.experimentsPrefix())));
    });
  }
}
