package io.chaosfn.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.RunRecord;
import io.chaosfn.store.dynamodb.DynamoDbJournalStore;
import io.chaosfn.trigger.Senders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The functions end to end, each built by {@link Components} from one {@link Settings} map, on the DynamoDB and S3
 * a subclass provides ({@link PipelineEndToEndTest}: dynalite and s3proxy, always; {@link PipelineLocalStackTest}:
 * LocalStack, where Docker exists). Secrets Manager and EventBridge (in {@link LocalFunctions}) are stand-ins,
 * because neither has a local implementation here (decisions.md §5).
 */
abstract class PipelineContract {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String REVISION = "main@sha1:4f2a9c1";

  private LocalFunctions functions;
  private Components components;

  /** The DynamoDB and S3 the functions run on. */
  protected abstract LocalAws aws();

  @BeforeEach
  void start() {
    functions = new LocalFunctions(aws());
    components = functions.components(Map.of());
  }

  @AfterEach
  void stop() {
    functions.close();
  }

  /** Flow 1 of architecture.md: schedule payload → RunExperimentHandler → journal in DynamoDB. */
  @Test
  void schedulePayload_runsTheExperimentAndStoresItsJournalInDynamoDb() throws Exception {
    String experiment = functions.putExperiment("health.yaml", functions.healthyExperiment("service stays healthy",
        """
        method:
          - type: probe
            name: look
            provider: {type: http, url: "%s", timeout: 5}
        """.formatted(functions.healthUrl())));
    RunExperimentHandler handler = new RunExperimentHandler(components.runs(), Clock.systemUTC());
    String payload = """
        {"experiment": "%s", "trigger": {"type": "schedule", "name": "nightly"},
         "execution_id": "c0ffee-1", "scheduled_time": "2025-03-01T10:00:00Z"}""".formatted(experiment);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    handler.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out,
        new TestContext("req-1", 900_000));

    JsonNode answer = JSON.readTree(out.toByteArray());
    assertThat(answer.path("outcome").asString()).isEqualTo("completed");
    RunRecord stored = storedRun(answer.path("run_id").asString());
    assertThat(stored.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(stored.trigger().name()).isEqualTo("nightly");
    assertThat(stored.journal().run()).hasSize(1);
    assertThat(stored.journal().chaosfn().path("experiment_source").path("uri").asString())
        .isEqualTo(experiment);
    assertThat(functions.eventBridge.targets()).containsExactly("AWSEvents.PutEvents");
  }

  /**
   * Flow 2 of architecture.md across three functions: a Flux deploy notification signed as Flux's generic-hmac
   * provider signs it (HMAC-SHA256 of the body in {@code X-Signature}) → WebhookHandler → the
   * {@code chaosfn.run.requested} event, as EventBridge would deliver it → RunExperimentHandler → the run in
   * DynamoDB → JournalApiHandler.
   */
  @Test
  void signedFluxDeploy_runsTheMatchingExperimentAndTheJournalApiReturnsIt() throws Exception {
    functions.putDeployTriggeredExperiment();
    String body = Senders.fluxSuccess("default", "frontend-app", REVISION);
    APIGatewayV2HTTPResponse accepted = new WebhookHandler(components.webhooks()).handleRequest(
        ApiEvents.signedFlux(body), null);
    assertThat(accepted.getStatusCode()).isEqualTo(202);
    String runId = JSON.readTree(accepted.getBody()).path("runs").get(0).path("runId").asString();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new RunExperimentHandler(components.runs(), Clock.systemUTC()).handleRequest(
        new ByteArrayInputStream(delivered(functions.eventBridge.entries().get(0))), out,
        new TestContext("req-run", 900_000));
    APIGatewayV2HTTPResponse journal = new JournalApiHandler(components.journalQueries()).handleRequest(
        ApiEvents.functionUrl("GET", "/runs/" + runId, ""), null);

    assertThat(JSON.readTree(out.toByteArray()).path("run_id").asString()).isEqualTo(runId);
    RunRecord stored = storedRun(runId);
    assertThat(stored.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(stored.experimentId()).isEqualTo("frontend-health");
    assertThat(stored.trigger().type()).isEqualTo("deploy");
    assertThat(stored.trigger().revision()).isEqualTo(REVISION);
    assertThat(journal.getStatusCode()).isEqualTo(200);
    JsonNode chaosfn = JSON.readTree(journal.getBody()).path("chaosfn");
    assertThat(chaosfn.path("run_id").asString()).isEqualTo(runId);
    assertThat(chaosfn.path("trigger").path("revision").asString()).isEqualTo(REVISION);
  }

  private RunRecord storedRun(String runId) {
    return new DynamoDbJournalStore(functions.dynamoDb(), functions.table).get(runId).orElseThrow();
  }

  /** The PutEvents entry as an EventBridge rule hands it to a Lambda target. */
  private static byte[] delivered(JsonNode entry) {
    ObjectNode event = JSON.createObjectNode()
        .put("version", "0")
        .put("id", "6a7e8feb-b491-4cf7-a9f1-bf3703467718")
        .put("detail-type", entry.path("DetailType").asString())
        .put("source", entry.path("Source").asString())
        .put("account", "123456789012")
        .put("time", "2025-03-01T10:00:01Z")
        .put("region", "us-east-1");
    event.putArray("resources");
    event.set("detail", JSON.readTree(entry.path("Detail").asString()));
    return event.toString().getBytes(StandardCharsets.UTF_8);
  }
}
