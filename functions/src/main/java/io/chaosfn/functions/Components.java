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
import io.chaosfn.flow.RunEngine;
import io.chaosfn.flow.RunService;
import io.chaosfn.flow.ScheduleSyncService;
import io.chaosfn.flow.SweepService;
import io.chaosfn.kubernetes.GuardrailPolicy;
import io.chaosfn.kubernetes.KubernetesActivities;
import io.chaosfn.kubernetes.auth.ClusterAccess;
import io.chaosfn.kubernetes.auth.ClusterClients;
import io.chaosfn.notify.EventPublisher;
import io.chaosfn.notify.eventbridge.EventBridgePublisher;
import io.chaosfn.store.ExperimentSource;
import io.chaosfn.store.JournalStore;
import io.chaosfn.store.RunLock;
import io.chaosfn.store.SourcedExperiment;
import io.chaosfn.store.dynamodb.DynamoDbExperimentKeys;
import io.chaosfn.store.dynamodb.DynamoDbJournalStore;
import io.chaosfn.store.dynamodb.DynamoDbRunLock;
import io.chaosfn.store.s3.S3ExperimentSource;
import io.chaosfn.trigger.schedule.scheduler.EventBridgeSchedules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * The functions' composition root: builds every client and service once per container from {@link Settings}.
 * SDK clients use the url-connection HTTP client, the settings' region and the runtime's credentials; nothing
 * here reads the environment itself. Handlers keep what they need in final fields for the container's life (the
 * S3 document cache and the EKS token live in objects made here).
 *
 * <p>Sections: AWS clients, stores, activities, flows. A helper adding a function adds its service in the flows
 * section and any client it needs in the clients section.
 */
public final class Components {
  private final Settings settings;
  private final Clock clock;
  // AWS clients
  private final AwsCredentialsProvider credentials;
  private final DynamoDbClient dynamoDb;
  private final S3Client s3;
  private final EventBridgeClient eventBridge;
  // stores
  private final JournalStore journals;
  private final RunLock locks;
  private final ExperimentSource experiments;
  private final EventPublisher events;
  // activities
  private final Providers providers;
  private final List<NativeControl> controls;

  public Components(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    Settings.AwsCredentials aws = settings.credentials();
    this.credentials = StaticCredentialsProvider.create(aws.sessionToken() == null
        ? AwsBasicCredentials.create(aws.accessKeyId(), aws.secretAccessKey())
        : AwsSessionCredentials.create(aws.accessKeyId(), aws.secretAccessKey(), aws.sessionToken()));
    Region region = Region.of(settings.region());
    this.dynamoDb = configure(DynamoDbClient.builder(), "DYNAMODB", region).build();
    this.s3 = configure(S3Client.builder(), "S3", region)
        .forcePathStyle(settings.endpoint("S3").isPresent()).build();
    this.eventBridge = configure(EventBridgeClient.builder(), "EVENTBRIDGE", region).build();
    this.journals = new DynamoDbJournalStore(dynamoDb, settings.table());
    this.locks = new DynamoDbRunLock(dynamoDb, settings.table());
    this.experiments = new S3ExperimentSource(s3, settings.experimentsBucket(), settings.experimentsPrefix());
    this.events = new EventBridgePublisher(eventBridge, settings.eventBus());
    this.providers = providers(settings, clock);
    this.controls = List.of(new Safeguards());
  }

  public static Components fromEnvironment() {
    return new Components(Settings.fromEnvironment(), Clock.systemUTC());
  }

  private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
      & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>> B configure(
      B builder, String service, Region region) {
    builder.region(region).credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder());
    settings.endpoint(service).ifPresent(builder::endpointOverride);
    return builder;
  }

  /**
   * decisions.md §4: http probes to link-local and metadata addresses refused, the process provider only when
   * enabled, chaosk8s activities against the deployment's cluster with the default guardrails.
   */
  private Providers providers(Settings settings, Clock clock) {
    ClusterClients clusters = new ClusterClients(settings.cluster().map(c -> new ClusterAccess.Eks(c.name(),
        settings.region(), c.endpoint(), c.caData())), this::clusterCredentials, clock);
    ActivityRegistry registry = new KubernetesActivities(clusters, GuardrailPolicy.defaults())
        .registerInto(ActivityRegistry.builder()).build();
    List<ActivityProvider> all = new ArrayList<>(List.of(new HttpProvider(HttpPolicy.restricted()),
        new PythonProvider(registry)));
    if (settings.processProvider()) {
      all.add(new ProcessProvider(settings.experimentEnvironment()));
    }
    return new Providers(all);
  }

  private AwsCredentialsIdentity clusterCredentials() {
    return credentials.resolveCredentials();
  }

  public ExperimentParser parser() {
    return new ExperimentParser(providers,
        controls.stream().collect(Collectors.toMap(NativeControl::module, c -> c::validate)));
  }

  private RunEngine engine() {
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

  public RunService runs() {
    return new RunService(experiments, parser(), journals, locks, events, engine(), clusterName());
  }

  public SweepService sweeps() {
    return new SweepService(experiments, parser(), journals, locks, events, engine());
  }

  /**
   * ScheduleSync's flow: documents from the experiment source, the key map in the table, schedules in the
   * Scheduler group of the settings.
   *
   * @throws IllegalStateException when the settings have no schedule target
   */
  public ScheduleSyncService scheduleSync() {
    Settings.ScheduleTarget target = settings.schedules().orElseThrow(() -> new IllegalStateException(
        Settings.SCHEDULE_TARGET_ARN + " and " + Settings.SCHEDULER_ROLE_ARN + " are not set: ScheduleSync needs"
            + " the function its schedules invoke and the role they invoke it with"));
    SchedulerClient scheduler = configure(SchedulerClient.builder(), "SCHEDULER", Region.of(settings.region()))
        .build();
    ExperimentDocuments documents = uri -> {
      SourcedExperiment document = experiments.load(uri);
      return new ExperimentDocuments.Document(document.tree(), document.experimentId());
    };
    return new ScheduleSyncService(documents, new DynamoDbExperimentKeys(dynamoDb, settings.table()),
        new EventBridgeSchedules(scheduler, target.group(), target.functionArn(), target.roleArn()));
  }

  public JournalStore journals() {
    return journals;
  }
}
