package io.chaosfn.sandbox;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.chaosfn.functions.Components;
import io.chaosfn.functions.JournalApiHandler;
import io.chaosfn.functions.RunExperimentHandler;
import io.chaosfn.functions.WebhookHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed story, played against a {@link LocalSystem} with the real handlers, each built once as a Lambda
 * container builds it: a scheduled run deviates (frontend v1 loses its database) → frontend v2 is rolled out and
 * Flux announces it with a signed webhook → the run it requests waits for the rollout and holds → the journal API
 * shows both runs and the revision at which the outcome changed.
 */
final class SeedStory {
  static final String EXPERIMENT_ID = "frontend-db-failover";
  static final String SCHEDULE = "chaosfn-frontend-db-failover";
  /** What Flux reports for the frontend's v2: the revision the summary should name. */
  static final String REVISION = "v2@sha1:5d8e0b3c4a1f";
  private static final Duration ROLLOUT_TIME = Duration.ofSeconds(3);
  private static final long DELIVERY_SECONDS = 5;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LocalSystem system;
  private final Consumer<String> say;
  private final RunExperimentHandler runExperiment;
  private final WebhookHandler webhook;
  private final JournalApiHandler journalApi;

  SeedStory(LocalSystem system, Components components, Consumer<String> say) {
    this.system = system;
    this.say = say;
    this.runExperiment = new RunExperimentHandler(components);
    this.webhook = new WebhookHandler(components);
    this.journalApi = new JournalApiHandler(components);
  }

  /** What the story produced, for the caller to judge. */
  record Result(JsonNode scheduledRun, int webhookStatus, JsonNode webhookAnswer, JsonNode deployRun, JsonNode runs,
      JsonNode summary) {}

  Result play() throws Exception {
    String experiment = upload();

    say.accept("\n(a) EventBridge Scheduler fires " + SCHEDULE + " [Scheduler simulated: its input JSON is passed"
        + " to RunExperiment in-process]");
    ObjectNode schedule = JSON.createObjectNode().put("experiment", experiment);
    schedule.putObject("trigger").put("type", "schedule").put("name", SCHEDULE);
    schedule.put("execution_id", UUID.randomUUID().toString())
        .put("scheduled_time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    JsonNode scheduledRun = invokeRunExperiment(schedule);

    say.accept("\n(b) frontend v2 is deployed [rollout simulated: the API server runs no controllers]");
    system.rollout.start(2, ROLLOUT_TIME);
    String body = fluxEvent();
    say.accept("Flux notification-controller POSTs its event for frontend-app " + REVISION
        + ", signed with generic-hmac, to the Webhook function URL [Function URL simulated: the event is passed"
        + " in-process]");
    APIGatewayV2HTTPResponse accepted = webhook.handleRequest(FunctionUrlEvents.unsignedPost("/webhook/flux",
        Map.of("X-Signature", "sha256=" + hmac(body)), body), InvocationContext.of("chaosfn-webhook"));
    JsonNode webhookAnswer = JSON.readTree(accepted.getBody());
    say.accept("Webhook answered " + accepted.getStatusCode() + " " + webhookAnswer);
    ObjectNode delivered = system.events.delivered().poll(DELIVERY_SECONDS, TimeUnit.SECONDS);
    JsonNode deployRun = null;
    if (delivered == null) {
      say.accept("no chaosfn.run.requested event reached the bus");
    } else {
      say.accept("the bus delivers chaosfn.run.requested to RunExperiment, as an EventBridge rule would");
      deployRun = invokeRunExperiment(delivered);
    }

    say.accept("\n(c) the journal API (function URL, AWS_IAM) [request passed in-process]");
    JsonNode runs = journal("/experiments/" + EXPERIMENT_ID + "/runs");
    for (JsonNode run : runs.path("runs").values()) {
      say.accept("  " + run.path("run_id").asString() + "  " + run.path("outcome").asString() + "  "
          + run.path("trigger").path("type").asString() + " "
          + run.path("trigger").path("name").asString(run.path("trigger").path("revision").asString("")));
    }
    JsonNode summary = journal("/experiments/" + EXPERIMENT_ID + "/summary");
    say.accept("GET /experiments/" + EXPERIMENT_ID + "/summary\n" + JSON.writerWithDefaultPrettyPrinter()
        .writeValueAsString(summary));
    return new Result(scheduledRun, accepted.getStatusCode(), webhookAnswer, deployRun, runs, summary);
  }

  /** The experiment, uploaded to the bucket as {@code aws s3 cp} would; returns its {@code s3://} URI. */
  private String upload() {
    String key = LocalSystem.PREFIX + EXPERIMENT_ID + ".yaml";
    system.s3.put(LocalSystem.BUCKET, key, ExperimentDocument.YAML);
    String uri = "s3://" + LocalSystem.BUCKET + "/" + key;
    say.accept("experiment " + EXPERIMENT_ID + " uploaded to " + uri + " (s3proxy)");
    return uri;
  }

  private JsonNode invokeRunExperiment(JsonNode event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    runExperiment.handleRequest(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)), out,
        InvocationContext.of("chaosfn-run-experiment"));
    JsonNode answer = JSON.readTree(out.toByteArray());
    say.accept("RunExperiment answered " + answer);
    return answer;
  }

  private JsonNode journal(String path) {
    APIGatewayV2HTTPResponse response = journalApi.handleRequest(FunctionUrlEvents.signedGet(path),
        InvocationContext.of("chaosfn-journal-api"));
    if (response.getStatusCode() != 200) {
      say.accept("GET " + path + " answered " + response.getStatusCode() + " " + response.getBody());
    }
    return JSON.readTree(response.getBody());
  }

  /** The event Flux's notification-controller sends for a reconciled Kustomization. */
  private static String fluxEvent() {
    ObjectNode event = JSON.createObjectNode();
    event.putObject("involvedObject").put("kind", "Kustomization").put("namespace", LocalCluster.NAMESPACE)
        .put("name", LocalCluster.FRONTEND).put("uid", UUID.randomUUID().toString());
    event.put("severity", "info").put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
        .put("message", "Reconciliation finished in 1.4s, next run in 10m0s")
        .put("reason", "ReconciliationSucceeded");
    event.putObject("metadata").put("revision", REVISION).put("summary", "frontend");
    event.put("reportingController", "kustomize-controller").put("reportingInstance", "kustomize-controller-sandbox");
    return event.toString();
  }

  /** HMAC-SHA256 of the body in lower-case hex, as Flux's generic-hmac provider signs it. */
  private static String hmac(String body) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(LocalSystem.FLUX_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
