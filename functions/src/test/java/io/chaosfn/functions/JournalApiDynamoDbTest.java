package io.chaosfn.functions;

import static io.chaosfn.store.RunFixtures.finished;
import static io.chaosfn.store.RunFixtures.invalid;
import static io.chaosfn.store.RunFixtures.runId;
import static io.chaosfn.store.RunFixtures.skipped;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.chaosfn.flow.JournalQueryService;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.dynamodb.Dynalite;
import io.chaosfn.store.dynamodb.DynamoDbJournalStore;
import io.chaosfn.store.dynamodb.RequestCounter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.json.JsonMapper;

/** The journal API over the DynamoDB store on dynalite: every route, and the requests each one sends. */
class JournalApiDynamoDbTest {
  @RegisterExtension
  static final Dynalite DYNALITE = new Dynalite();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final RequestCounter counter = new RequestCounter();
  private String table;
  private JournalApiHandler handler;

  @BeforeEach
  void setUp() {
    DynamoDbClient client = DYNALITE.client(counter);
    table = DYNALITE.createTable(client, "api");
    DynamoDbJournalStore store = new DynamoDbJournalStore(client, table);
    for (int n = 1; n <= 30; n++) {
      store.put(finished(n % 2 == 0 ? "db-failover" : "cache", n, n % 5 == 0 ? Outcome.DEVIATED : Outcome.COMPLETED));
    }
    store.put(skipped("db-failover", 32));
    store.put(invalid("cache", 33));
    handler = new JournalApiHandler(new JournalQueryService(store));
    // The first listing creates the table's cursor key, a one-time write per table.
    handler.handleRequest(ApiEvents.functionUrl("GET", "/experiments/cache/runs", "limit=1"), null);
    counter.reset();
  }

  private APIGatewayV2HTTPResponse get(String path, String query) {
    return handler.handleRequest(ApiEvents.functionUrl("GET", path, query), null);
  }

  @Test
  void everyRoute_answersWithQueriesAndGetsOnlyNeverAScan() {
    String cursor = JSON.readTree(get("/experiments/db-failover/runs", "limit=3").getBody()).get("next_cursor")
        .asString();
    List<Integer> statuses = new ArrayList<>();

    statuses.add(get("/experiments", "").getStatusCode());
    statuses.add(get("/experiments/db-failover/runs", "limit=3&cursor=" + cursor).getStatusCode());
    statuses.add(get("/experiments/db-failover/runs",
        "status=deviated&deviated=true&trigger=cli&since=2025-03-01&until=2025-03-02").getStatusCode());
    statuses.add(get("/experiments/db-failover/runs", "status=aborted").getStatusCode());
    statuses.add(get("/experiments/nobody/runs", "").getStatusCode());
    statuses.add(get("/runs", "outcome=deviated&since=2025-03-01T10:00:00Z").getStatusCode());
    statuses.add(get("/runs/" + runId(4), "").getStatusCode());
    statuses.add(get("/runs/" + runId(32), "").getStatusCode());
    statuses.add(get("/runs/" + runId(99), "").getStatusCode());
    statuses.add(get("/experiments/db-failover/summary", "").getStatusCode());
    statuses.add(get("/experiments/nobody/summary", "").getStatusCode());

    assertThat(statuses).containsExactly(200, 200, 200, 200, 404, 200, 200, 200, 404, 200, 404);
    assertThat(counter.operations()).isNotEmpty().allMatch(op -> op.equals("Query") || op.equals("GetItem"));
  }

  @Test
  void runsOfOneExperiment_pageOfTen_isOneQueryReadingAtMostElevenItems() {
    APIGatewayV2HTTPResponse response = get("/experiments/db-failover/runs", "limit=10");

    assertThat(JSON.readTree(response.getBody()).get("runs").size()).isEqualTo(10);
    assertThat(counter.operations()).containsExactly("Query");
    assertThat(counter.itemsRead()).isLessThanOrEqualTo(11);
  }

  @Test
  void badParameter_isRefusedBeforeAnyRequest() {
    APIGatewayV2HTTPResponse response = get("/experiments/db-failover/runs", "limit=0");

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(counter.operations()).isEmpty();
  }

  @Test
  void components_settingsWithoutBucketOrWebhookSecret_serveTheRunsStoredInTheTable() {
    Settings settings = Settings.from(Map.of(
        Settings.TABLE, table,
        Settings.REGION, "us-east-1",
        Settings.ENDPOINT_PREFIX + "DYNAMODB", DYNALITE.endpoint().toString(),
        AwsCredentialVariables.ACCESS_KEY_ID, "local",
        AwsCredentialVariables.SECRET_ACCESS_KEY, "local"));
    JournalApiHandler wired = new JournalApiHandler(new Components(settings, Clock.systemUTC()).journalQueries());

    APIGatewayV2HTTPResponse response = wired.handleRequest(
        ApiEvents.httpApi("v1", "GET", "/experiments/cache/summary", ""), null);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.getBody()).get("runs").get("invalid").asInt()).isEqualTo(1);
  }
}
