package io.chaosfn.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.store.Outcome;
import io.chaosfn.store.RunRecord;
import io.chaosfn.store.dynamodb.DynamoDbJournalStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schedule payload → RunExperimentHandler (in process, built by {@link Components} from {@link Settings}) →
 * journal in DynamoDB. DynamoDB is dynalite and S3 is s3proxy, both real local implementations; EventBridge is a
 * stand-in ({@link LocalFunctions} says which and why).
 */
class RunExperimentEndToEndTest {
  @RegisterExtension
  static final LocalServices LOCAL = new LocalServices();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void schedulePayload_runsTheExperimentAndStoresItsJournalInDynamoDb() throws Exception {
    LocalFunctions functions = LOCAL.functions();
    String experiment = functions.putExperiment("health.yaml", functions.healthyExperiment("service stays healthy",
        """
        method:
          - type: probe
            name: look
            provider: {type: http, url: "%s", timeout: 5}
        """.formatted(functions.healthUrl())));
    RunExperimentHandler handler = new RunExperimentHandler(functions.components(Map.of()).runs(),
        Clock.systemUTC());
    String payload = """
        {"experiment": "%s", "trigger": {"type": "schedule", "name": "nightly"},
         "execution_id": "c0ffee-1", "scheduled_time": "2025-03-01T10:00:00Z"}""".formatted(experiment);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    handler.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out,
        new TestContext("req-1", 900_000));

    JsonNode answer = JSON.readTree(out.toByteArray());
    assertThat(answer.path("outcome").asString()).isEqualTo("completed");
    RunRecord stored = new DynamoDbJournalStore(LOCAL.dynamoDb().client(), LocalFunctions.TABLE)
        .get(answer.path("run_id").asString()).orElseThrow();
    assertThat(stored.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(stored.trigger().name()).isEqualTo("nightly");
    assertThat(stored.journal().run()).hasSize(1);
    assertThat(stored.journal().chaosfn().path("experiment_source").path("uri").asString())
        .isEqualTo("s3://experiments/exp/health.yaml");
    assertThat(functions.eventBridge.targets()).containsExactly("AWSEvents.PutEvents");
  }
}
