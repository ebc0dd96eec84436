package io.chaosfn.functions;

import static io.chaosfn.store.RunFixtures.finished;
import static io.chaosfn.store.RunFixtures.runId;
import static io.chaosfn.store.RunFixtures.skipped;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.chaosfn.engine.journal.JournalCodec;
import io.chaosfn.flow.JournalQueryService;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.local.DirectoryJournalStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The journal API handler over a journal directory, driven with Function URL and HTTP API envelopes. */
class JournalApiHandlerTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path root;
  private DirectoryJournalStore store;
  private JournalApiHandler handler;

  @BeforeEach
  void setUp() {
    store = new DirectoryJournalStore(root);
    store.put(finished("db-failover", 1, Outcome.COMPLETED));
    store.put(finished("db-failover", 2, Outcome.DEVIATED));
    store.put(skipped("db-failover", 3));
    store.put(finished("team/cache", 4, Outcome.FAILED));
    handler = new JournalApiHandler(new JournalQueryService(store));
  }

  private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, null);
  }

  private static JsonNode body(APIGatewayV2HTTPResponse response) {
    return JSON.readTree(response.getBody());
  }

  @Test
  void functionUrl_experiments_answersJsonWithEachExperiment() {
    APIGatewayV2HTTPResponse response = call(ApiEvents.functionUrl("GET", "/experiments", ""));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
    assertThat(body(response).get("experiments").values()).extracting(e -> e.get("experiment_id").asString())
        .containsExactly("db-failover", "team/cache");
  }

  @Test
  void streamHandler_functionUrlExperiments_answersAsTheTypedHandler() {
    APIGatewayV2HTTPEvent event = ApiEvents.functionUrl("GET", "/experiments", "limit=1");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);

    JsonNode answer = JSON.readTree(out.toByteArray());
    APIGatewayV2HTTPResponse typed = call(event);
    assertThat(answer.path("statusCode").asInt()).isEqualTo(typed.getStatusCode());
    assertThat(JSON.readTree(answer.path("body").asString())).isEqualTo(body(typed));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[]", "42", "\"GET /experiments\"", "{\"version\": \"2.0\"", "null"})
  void streamHandler_eventThatIsNotAJsonObject_answers400(String event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);

    JsonNode answer = JSON.readTree(out.toByteArray());
    assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
    assertThat(JSON.readTree(answer.path("body").asString()).path("error").path("message").asString())
        .startsWith("the event is not a payload 2.0 JSON object");
  }

  @Test
  void httpApiOnNamedStage_summary_isRoutedWithoutTheStageSegment() {
    APIGatewayV2HTTPResponse response = call(ApiEvents.httpApi("prod", "GET", "/experiments/db-failover/summary", ""));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(body(response).get("last_deviation").get("run_id").asString()).isEqualTo(runId(2));
  }

  @Test
  void httpApiOnNamedStage_pathWithoutTheStage_isNotFound() {
    APIGatewayV2HTTPEvent event = ApiEvents.functionUrl("GET", "/experiments", "");
    event.getRequestContext().setStage("prod");
    event.setRawPath("/production/experiments");

    APIGatewayV2HTTPResponse response = call(event);

    assertThat(response.getStatusCode()).isEqualTo(404);
  }

  @Test
  void functionUrl_runsWithFilters_answersTheMatchingPage() {
    APIGatewayV2HTTPResponse response = call(ApiEvents.functionUrl("GET", "/experiments/db-failover/runs",
        "status=deviated&since=2025-03-01&limit=5"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(body(response).get("runs").values()).extracting(r -> r.get("run_id").asString())
        .containsExactly(runId(2));
  }

  @Test
  void functionUrl_experimentIdWithEncodedSlash_isOneSegment() {
    APIGatewayV2HTTPResponse response = call(ApiEvents.functionUrl("GET", "/experiments/team%2Fcache/runs", ""));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(body(response).get("runs").get(0).get("run_id").asString()).isEqualTo(runId(4));
  }

  @Test
  void functionUrl_finishedRun_isTheJournalAsStoredInItsKeyOrder() {
    APIGatewayV2HTTPResponse response = call(ApiEvents.functionUrl("GET", "/runs/" + runId(1), ""));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getBody()).startsWith("{\"chaoslib-version\":\"0.1.0\",\"platform\":\"Linux\"");
    assertThat(JournalCodec.pretty(body(response)))
        .isEqualTo(new String(JournalCodec.write(store.get(runId(1)).orElseThrow().journal())));
  }

  @Test
  void functionUrl_skippedRun_isItsRecordWithTheReason() {
    APIGatewayV2HTTPResponse response = call(ApiEvents.functionUrl("GET", "/runs/" + runId(3), ""));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(body(response).get("outcome").asString()).isEqualTo("skipped");
    assertThat(body(response).get("reason").asString()).contains("is locked by run");
  }

  @Test
  void functionUrl_runsAcrossExperiments_answersRunsOfTheOutcome() {
    APIGatewayV2HTTPResponse response = call(ApiEvents.functionUrl("GET", "/runs", "outcome=failed"));

    assertThat(body(response).get("runs").values()).extracting(r -> r.get("experiment_id").asString())
        .containsExactly("team/cache");
  }

  @Test
  void functionUrl_badParameters_are400NamingEachParameter() {
    APIGatewayV2HTTPResponse response = call(ApiEvents.functionUrl("GET", "/experiments/db-failover/runs",
        "limit=101&deviated=maybe"));

    assertThat(response.getStatusCode()).isEqualTo(400);
    JsonNode error = body(response).get("error");
    assertThat(error.get("code").asString()).isEqualTo("bad_parameter");
    assertThat(error.get("parameters").values()).extracting(p -> p.get("name").asString())
        .containsExactlyInAnyOrder("limit", "deviated");
    assertThat(error.get("message").asString()).contains("limit: expected a whole number from 1 to 100");
  }

  @Test
  void functionUrl_repeatedParameter_is400() {
    APIGatewayV2HTTPResponse response = call(ApiEvents.functionUrl("GET", "/experiments/db-failover/runs",
        "status=failed&status=deviated"));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(body(response).get("error").get("parameters").get(0).get("name").asString()).isEqualTo("status");
  }

  @Test
  void functionUrl_unencodedPlusInOffset_is400SayingToEncodeIt() {
    APIGatewayV2HTTPResponse response = call(ApiEvents.functionUrl("GET", "/runs",
        "outcome=deviated&since=2025-03-01T12:00:00+02:00"));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(body(response).get("error").get("message").asString()).contains("%2B");
  }

  @Test
  void functionUrl_encodedPlusInOffset_isAccepted() {
    APIGatewayV2HTTPResponse response = call(ApiEvents.functionUrl("GET", "/runs",
        "outcome=deviated&since=2025-03-01T12:00:00%2B02:00"));

    assertThat(response.getStatusCode()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "GET, /runs/01JNOSUCHRUN, 404, not_found",
      "GET, /experiments/no-such/summary, 404, not_found",
      "GET, /experiments/no-such/runs, 404, not_found",
      "GET, /, 404, not_found",
      "GET, /experiments/db-failover, 404, not_found",
      "GET, /experiments/db-failover/runs/extra, 404, not_found",
      "GET, /experiments//runs, 404, not_found",
      "GET, /journals, 404, not_found",
      "POST, /experiments, 405, method_not_allowed",
      "DELETE, /runs/01JRUN000001, 405, method_not_allowed",
      "POST, /nowhere, 404, not_found",
      "GET, /runs/%zz, 400, bad_request"})
  void functionUrl_routeAndMethod_answerTheErrorTableAsJson(String method, String path, int status, String code) {
    APIGatewayV2HTTPResponse response = call(ApiEvents.functionUrl(method, path, ""));

    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
    assertThat(body(response).get("error").get("code").asString()).isEqualTo(code);
  }
}
