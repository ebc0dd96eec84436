package io.chaosfn.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.chaosfn.functions.http.HttpEnvelope;
import io.chaosfn.trigger.Senders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SnapStart priming of the HTTP functions, called directly as the runtime calls it before a snapshot: it sends
 * no request to any service (so reads no secret and changes nothing), and the function answers as usual after it.
 * DynamoDB is dynalite and S3 is s3proxy, real local implementations; Secrets Manager and
 * EventBridge (in {@link LocalFunctions}) are stand-ins that record every request, because neither has a local
 * implementation (decisions.md §5).
 */
class SnapStartPrimingTest {
  @RegisterExtension
  static final LocalServices LOCAL = new LocalServices();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private LocalFunctions functions;
  private Components components;

  @BeforeEach
  void start() {
    functions = LOCAL.functions();
    components = functions.components(Map.of());
    functions.putDeployTriggeredExperiment();
  }

  @Test
  void journalApiPriming_writesNothingToTheTable() {
    JournalApiHandler handler = new JournalApiHandler(components);

    handler.priming().beforeCheckpoint(null);

    assertThat(tableItems()).isZero();
  }

  @Test
  void journalApiPriming_thenExperimentsRequest_answersFromTheTable() {
    JournalApiHandler handler = new JournalApiHandler(components);
    handler.priming().beforeCheckpoint(null);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(HttpEnvelope.event("GET", "/experiments")), out,
        new TestContext("req-1", 3_000));

    JsonNode answer = JSON.readTree(out.toByteArray());
    assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
    assertThat(JSON.readTree(answer.path("body").asString()).path("experiments").isArray()).isTrue();
  }

  @Test
  void webhookPriming_sendsNoRequestToAnyService() {
    WebhookHandler handler = new WebhookHandler(components);

    handler.priming().beforeCheckpoint(null);

    assertThat(functions.secretsManager.requests()).isEmpty();
    assertThat(functions.eventBridge.requests()).isEmpty();
    assertThat(tableItems()).isZero();
  }

  @Test
  void webhookPriming_thenSignedDeploy_readsTheSecretOnceAndRequestsTheRun() {
    WebhookHandler handler = new WebhookHandler(components);
    handler.priming().beforeCheckpoint(null);

    String body = Senders.fluxSuccess("default", "frontend-app", "main@sha1:4f2a9c1");
    APIGatewayV2HTTPResponse response = handler.handleRequest(ApiEvents.signedFlux(body), null);

    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(functions.secretsManager.requests())
        .containsExactly("secretsmanager.GetSecretValue " + LocalFunctions.WEBHOOK_SECRET_ID);
    assertThat(functions.eventBridge.entries()).hasSize(1);
  }

  private int tableItems() {
    return LOCAL.functions().dynamoDb().scan(scan -> scan.tableName(LOCAL.functions().table)).count();
  }
}
