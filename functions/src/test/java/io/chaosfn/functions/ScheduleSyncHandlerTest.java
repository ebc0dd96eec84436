package io.chaosfn.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.store.dynamodb.Dynalite;
import io.chaosfn.store.dynamodb.DynamoDbTables;
import io.chaosfn.store.s3.S3ProxyServer;
import io.chaosfn.trigger.schedule.scheduler.SchedulerStandIn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * S3 EventBridge notifications → ScheduleSyncHandler, built by {@link Components} from {@link Settings}: the
 * document on s3proxy, the key map on dynalite, schedules on {@link SchedulerStandIn} (a stand-in: no local
 * Scheduler exists, decisions.md §5).
 */
class ScheduleSyncHandlerTest {
  @RegisterExtension
  static final Dynalite DYNALITE = new Dynalite();
  @RegisterExtension
  static final S3ProxyServer S3 = new S3ProxyServer();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String RUN_FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:run";

  private final SchedulerStandIn scheduler = new SchedulerStandIn();
  private String bucket;
  private ScheduleSyncHandler handler;

  @BeforeEach
  void handler() {
    String table = "sync-" + UUID.randomUUID();
    bucket = "experiments-" + UUID.randomUUID();
    DynamoDbTables.create(DYNALITE.client(), table);
    S3.client().createBucket(b -> b.bucket(bucket));
    Settings settings = Settings.from(Map.of(
        "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY, "CHAOSFN_TABLE", table,
        "CHAOSFN_SCHEDULE_TARGET_ARN", RUN_FUNCTION,
        "CHAOSFN_SCHEDULER_ROLE_ARN", "arn:aws:iam::000000000000:role/scheduler",
        "AWS_ENDPOINT_URL_DYNAMODB", DYNALITE.endpoint().toString(),
        "AWS_ENDPOINT_URL_S3", S3.endpoint().toString(),
        "AWS_ENDPOINT_URL_SCHEDULER", scheduler.endpoint().toString()));
    handler = new ScheduleSyncHandler(new Components(settings, Clock.systemUTC()).scheduleSync());
  }

  @AfterEach
  void stop() {
    scheduler.close();
  }

  @Test
  void objectCreated_documentWithSchedule_createsItsScheduleTargetingRunExperiment() {
    upload("experiments/db.yaml", "{expression: 'cron(0 10 ? * MON-FRI *)', timezone: Europe/Paris}");

    JsonNode answer = invoke("Object Created", "experiments/db.yaml");

    assertThat(answer.path("result").asString()).isEqualTo("scheduled");
    JsonNode schedule = scheduler.schedule("chaosfn", "chaosfn-db-failover").orElseThrow();
    assertThat(schedule.path("ScheduleExpression").asString()).isEqualTo("cron(0 10 ? * MON-FRI *)");
    assertThat(schedule.path("Target").path("Arn").asString()).isEqualTo(RUN_FUNCTION);
    assertThat(JSON.readTree(schedule.path("Target").path("Input").asString()).path("experiment").asString())
        .isEqualTo("s3://" + bucket + "/experiments/db.yaml");
  }

  @Test
  void objectDeleted_afterCreated_deletesTheScheduleThroughTheKeyMap() {
    upload("experiments/db.yaml", "{expression: 'rate(1 day)'}");
    invoke("Object Created", "experiments/db.yaml");
    S3.client().deleteObject(d -> d.bucket(bucket).key("experiments/db.yaml"));

    JsonNode answer = invoke("Object Deleted", "experiments/db.yaml");

    assertThat(answer.path("result").asString()).isEqualTo("unscheduled");
    assertThat(scheduler.size()).isZero();
  }

  @Test
  void objectCreated_invalidExpression_answersTheProblemsAndWritesNoSchedule() {
    upload("experiments/db.yaml", "{expression: 'cron(0 10 * * MON-FRI)'}");

    JsonNode answer = invoke("Object Created", "experiments/db.yaml");

    assertThat(answer.path("result").asString()).isEqualTo("rejected");
    assertThat(answer.path("problems").get(0).asString())
        .startsWith("extensions[0].schedule.expression: cron(...) takes six fields");
    assertThat(scheduler.requests()).isEmpty();
  }

  @Test
  void otherEvent_isRefusedNamingWhatWasExpected() {
    String event = "{\"detail-type\": \"Scheduled Event\", \"detail\": {}}";

    assertThatThrownBy(() -> handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(), new TestContext("req-1", 30_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Object Created' or 'Object Deleted'");
  }

  private void upload(String key, String schedule) {
    String document = """
        title: db failover
        method: []
        extensions:
          - name: chaosfn
            id: db-failover
            schedule: %s
        """.formatted(schedule);
    S3.client().putObject(p -> p.bucket(bucket).key(key), RequestBody.fromString(document, StandardCharsets.UTF_8));
  }

  private JsonNode invoke(String detailType, String key) {
    String event = """
        {"version": "0", "id": "e-1", "detail-type": "%s", "source": "aws.s3", "account": "000000000000",
         "time": "2026-11-27T10:00:00Z", "region": "us-east-1", "resources": ["arn:aws:s3:::%s"],
         "detail": {"version": "0", "bucket": {"name": "%s"}, "object": {"key": "%s", "size": 10},
                    "request-id": "r-1", "requester": "000000000000", "reason": "PutObject"}}
        """.formatted(detailType, bucket, bucket, key);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
        new TestContext("req-1", 30_000));
    return JSON.readTree(out.toByteArray());
  }
}
