package io.chaosfn.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.experiment.document.DocumentFormat;
import io.chaosfn.experiment.document.DocumentReader;
import io.chaosfn.store.ExperimentNotFoundException;
import io.chaosfn.store.dynamodb.Dynalite;
import io.chaosfn.store.dynamodb.DynamoDbExperimentKeys;
import io.chaosfn.store.dynamodb.DynamoDbTables;
import io.chaosfn.trigger.schedule.scheduler.EventBridgeSchedules;
import io.chaosfn.trigger.schedule.scheduler.SchedulerStandIn;
import io.chaosfn.trigger.schedule.scheduler.SchedulerClients;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Schedule synchronisation with the key map on dynalite and the Scheduler stand-in ({@link SchedulerStandIn},
 * decisions.md §5). Documents come from a map in the test: reading S3 is the experiment source's business.
 */
class ScheduleSyncServiceTest {
  @RegisterExtension
  static final Dynalite DYNALITE = new Dynalite();
  private static final String BUCKET = "experiments";
  private static final String KEY = "team/db.yaml";

  private final Map<String, ExperimentDocuments.Document> documents = new HashMap<>();
  private final SchedulerStandIn scheduler = new SchedulerStandIn();
  private DynamoDbExperimentKeys keys;
  private ScheduleSyncService service;

  @BeforeEach
  void services() {
    DynamoDbClient client = DYNALITE.client();
    String table = "sync-" + UUID.randomUUID();
    DynamoDbTables.create(client, table);
    keys = new DynamoDbExperimentKeys(client, table);
    service = new ScheduleSyncService(this::document, keys, new EventBridgeSchedules(
        SchedulerClients.to(scheduler), "chaosfn", "arn:aws:lambda:eu-west-1:1:function:run", "arn:aws:iam::1:role/s"));
  }

  @AfterEach
  void stop() {
    scheduler.close();
  }

  @Test
  void sync_createdWithSchedule_createsTheScheduleWithTheRunInput() {
    upload(KEY, "db-failover", "{expression: 'cron(0 10 ? * MON-FRI *)', timezone: Europe/Paris}");

    SyncResult result = service.sync(created(KEY));

    assertThat(result).isEqualTo(new SyncResult.Scheduled("db-failover", "chaosfn-db-failover",
        "cron(0 10 ? * MON-FRI *)", true));
    ObjectNode schedule = scheduler.schedule("chaosfn", "chaosfn-db-failover").orElseThrow();
    assertThat(schedule.path("ScheduleExpressionTimezone").asString()).isEqualTo("Europe/Paris");
    JsonNode input = JsonMapper.builder().build().readTree(schedule.path("Target").path("Input").asString());
    assertThat(input.path("experiment").asString()).isEqualTo("s3://experiments/team/db.yaml");
    assertThat(input.path("trigger").path("type").asString()).isEqualTo("schedule");
    assertThat(input.path("trigger").path("name").asString()).isEqualTo("chaosfn-db-failover");
    assertThat(input.path("execution_id").asString()).isEqualTo("<aws.scheduler.execution-id>");
  }

  @Test
  void sync_created_recordsTheKeyMap() {
    upload(KEY, "db-failover", "{expression: 'rate(1 day)'}");

    service.sync(created(KEY));

    assertThat(keys.experimentId(KEY)).contains("db-failover");
  }

  @Test
  void sync_createdTwiceWithAChange_replacesTheOneSchedule() {
    upload(KEY, "db-failover", "{expression: 'rate(1 day)'}");
    service.sync(created(KEY));
    upload(KEY, "db-failover", "{expression: 'rate(2 days)', flexible_window: 10, enabled: false}");

    service.sync(created(KEY));

    assertThat(scheduler.size()).isEqualTo(1);
    ObjectNode schedule = scheduler.schedule("chaosfn", "chaosfn-db-failover").orElseThrow();
    assertThat(schedule.path("ScheduleExpression").asString()).isEqualTo("rate(2 days)");
    assertThat(schedule.path("State").asString()).isEqualTo("DISABLED");
    assertThat(schedule.path("FlexibleTimeWindow").path("MaximumWindowInMinutes").asInt()).isEqualTo(10);
  }

  @Test
  void sync_invalidSchedule_isRejectedWithEveryProblemAndChangesNothing() {
    upload(KEY, "db-failover", "{expression: 'rate(1 day)'}");
    service.sync(created(KEY));
    int requestsBefore = scheduler.requests().size();
    upload(KEY, "db-failover", "{expression: 'cron(0 10 * * MON-FRI)', timezone: Mars/Olympus}");

    SyncResult result = service.sync(created(KEY));

    assertThat(result).isInstanceOfSatisfying(SyncResult.Rejected.class, rejected -> assertThat(rejected.problems())
        .extracting(problem -> problem.path())
        .containsExactly("extensions[0].schedule.expression", "extensions[0].schedule.timezone"));
    assertThat(scheduler.requests()).hasSize(requestsBefore);
    assertThat(scheduler.schedule("chaosfn", "chaosfn-db-failover").orElseThrow()
        .path("ScheduleExpression").asString()).isEqualTo("rate(1 day)");
  }

  @Test
  void sync_scheduleRemovedFromTheDocument_deletesTheSchedule() {
    upload(KEY, "db-failover", "{expression: 'rate(1 day)'}");
    service.sync(created(KEY));
    upload(KEY, "db-failover", null);

    SyncResult result = service.sync(created(KEY));

    assertThat(result).isEqualTo(new SyncResult.Unscheduled("db-failover", "chaosfn-db-failover", true));
    assertThat(scheduler.size()).isZero();
  }

  @Test
  void sync_documentNowCarriesAnotherId_movesTheSchedule() {
    upload(KEY, "db-failover", "{expression: 'rate(1 day)'}");
    service.sync(created(KEY));
    upload(KEY, "db-failover-v2", "{expression: 'rate(1 day)'}");

    service.sync(created(KEY));

    assertThat(scheduler.schedule("chaosfn", "chaosfn-db-failover")).isEmpty();
    assertThat(scheduler.schedule("chaosfn", "chaosfn-db-failover-v2")).isPresent();
    assertThat(keys.experimentId(KEY)).contains("db-failover-v2");
  }

  @Test
  void sync_deleted_findsTheExperimentThroughTheKeyMapAndDeletesItsSchedule() {
    upload(KEY, "db-failover", "{expression: 'rate(1 day)'}");
    service.sync(created(KEY));
    documents.clear();

    SyncResult result = service.sync(new ObjectChange(ObjectChange.Kind.DELETED, BUCKET, KEY));

    assertThat(result).isEqualTo(new SyncResult.Unscheduled("db-failover", "chaosfn-db-failover", true));
    assertThat(scheduler.size()).isZero();
    assertThat(keys.experimentId(KEY)).isEmpty();
  }

  @Test
  void sync_deletedWhileADocumentIsStillStored_keepsTheSchedule() {
    upload(KEY, "db-failover", "{expression: 'rate(1 day)'}");
    service.sync(created(KEY));

    SyncResult result = service.sync(new ObjectChange(ObjectChange.Kind.DELETED, BUCKET, KEY));

    assertThat(result).isInstanceOf(SyncResult.Scheduled.class);
    assertThat(scheduler.schedule("chaosfn", "chaosfn-db-failover")).isPresent();
    assertThat(keys.experimentId(KEY)).contains("db-failover");
  }

  @Test
  void sync_deletedTwice_secondFindsNothingToDo() {
    upload(KEY, "db-failover", "{expression: 'rate(1 day)'}");
    service.sync(created(KEY));
    documents.clear();
    service.sync(new ObjectChange(ObjectChange.Kind.DELETED, BUCKET, KEY));

    SyncResult result = service.sync(new ObjectChange(ObjectChange.Kind.DELETED, BUCKET, KEY));

    assertThat(result).isInstanceOf(SyncResult.Ignored.class);
  }

  @Test
  void sync_objectThatIsNoDocument_isIgnoredWithoutReadingIt() {
    SyncResult result = service.sync(created("team/README.md"));

    assertThat(result).isInstanceOf(SyncResult.Ignored.class);
    assertThat(scheduler.requests()).isEmpty();
  }

  private static ObjectChange created(String key) {
    return new ObjectChange(ObjectChange.Kind.CREATED, BUCKET, key);
  }

  private void upload(String key, String id, String schedule) {
    String yaml = "title: t\nextensions:\n  - name: chaosfn\n    id: " + id + "\n"
        + (schedule == null ? "" : "    schedule: " + schedule + "\n");
    ObjectNode tree = DocumentReader.read(yaml.getBytes(StandardCharsets.UTF_8), DocumentFormat.YAML, key);
    documents.put("s3://" + BUCKET + "/" + key, new ExperimentDocuments.Document(tree, id));
  }

  private ExperimentDocuments.Document document(String uri) {
    ExperimentDocuments.Document document = documents.get(uri);
    if (document == null) {
      throw new ExperimentNotFoundException(uri, "the test's documents");
    }
    return document;
  }
}
