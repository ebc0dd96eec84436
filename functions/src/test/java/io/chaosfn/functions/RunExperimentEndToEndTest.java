package io.chaosfn.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.RunRecord;
import io.chaosfn.store.dynamodb.Dynalite;
import io.chaosfn.store.dynamodb.DynamoDbJournalStore;
import io.chaosfn.store.dynamodb.DynamoDbTables;
import io.chaosfn.store.s3.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schedule payload → RunExperimentHandler (in process, built by {@link Components} from {@link Settings}) →
 * journal in DynamoDB. DynamoDB is dynalite and S3 is s3proxy, both real local implementations; EventBridge is a
 * stand-in (no local one exists, decisions.md §5): a JDK HttpServer answering PutEvents in AWS JSON 1.1, which
 * also serves the experiment's http probe on {@code /health}.
 */
class RunExperimentEndToEndTest {
  @RegisterExtension
  static final Dynalite DYNALITE = new Dynalite();
  @RegisterExtension
  static final S3ProxyServer S3 = new S3ProxyServer();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final List<String> putEventsTargets = new CopyOnWriteArrayList<>();
  private HttpServer standIn;

  @AfterEach
  void stop() {
    standIn.stop(0);
  }

  @Test
  void schedulePayload_runsTheExperimentAndStoresItsJournalInDynamoDb() throws Exception {
    int port = startStandIn();
    DynamoDbTables.create(DYNALITE.client(), "chaosfn");
    S3Client s3 = S3.client();
    s3.createBucket(b -> b.bucket("experiments"));
    s3.putObject(p -> p.bucket("experiments").key("exp/health.yaml"), RequestBody.fromString("""
        title: service stays healthy
        description: one http probe, before and after an empty-handed method
        steady-state-hypothesis:
          title: healthy
          probes:
            - type: probe
              name: health
              tolerance: 200
              provider: {type: http, url: "http://127.0.0.1:%d/health", timeout: 5}
        method:
          - type: probe
            name: look
            provider: {type: http, url: "http://127.0.0.1:%d/health", timeout: 5}
        """.formatted(port, port), StandardCharsets.UTF_8));
    Settings settings = Settings.from(Map.of(
        "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY, "CHAOSFN_TABLE", "chaosfn",
        "CHAOSFN_EXPERIMENTS_BUCKET", "experiments", "CHAOSFN_EXPERIMENTS_PREFIX", "exp/",
        "AWS_ENDPOINT_URL_DYNAMODB", DYNALITE.endpoint().toString(),
        "AWS_ENDPOINT_URL_S3", S3.endpoint().toString(),
        "AWS_ENDPOINT_URL_EVENTBRIDGE", "http://127.0.0.1:" + port));
    RunExperimentHandler handler = new RunExperimentHandler(new Components(settings, Clock.systemUTC()).runs(),
        Clock.systemUTC());
    String payload = """
        {"experiment": "s3://experiments/exp/health.yaml", "trigger": {"type": "schedule", "name": "nightly"},
         "execution_id": "c0ffee-1", "scheduled_time": "2025-03-01T10:00:00Z"}""";
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    handler.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out,
        new TestContext("req-1", 900_000));

    JsonNode answer = JSON.readTree(out.toByteArray());
    assertThat(answer.path("outcome").asString()).isEqualTo("completed");
    RunRecord stored = new DynamoDbJournalStore(DYNALITE.client(), "chaosfn")
        .get(answer.path("run_id").asString()).orElseThrow();
    assertThat(stored.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(stored.trigger().name()).isEqualTo("nightly");
    assertThat(stored.journal().run()).hasSize(1);
    assertThat(stored.journal().chaosfn().path("experiment_source").path("uri").asString())
        .isEqualTo("s3://experiments/exp/health.yaml");
    assertThat(putEventsTargets).containsExactly("AWSEvents.PutEvents");
  }

  private int startStandIn() throws Exception {
    standIn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    standIn.createContext("/health", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    standIn.createContext("/", exchange -> {
      putEventsTargets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
      byte[] body = "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    standIn.start();
    return standIn.getAddress().getPort();
  }
}
