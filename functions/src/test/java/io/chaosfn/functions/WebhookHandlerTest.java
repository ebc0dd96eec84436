package io.chaosfn.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.chaosfn.experiment.ChaosfnExtension;
import io.chaosfn.experiment.ChaosfnExtension.DeployTrigger;
import io.chaosfn.flow.WebhookService;
import io.chaosfn.store.local.InMemoryDeliveryLog;
import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.ExperimentCatalog;
import io.chaosfn.trigger.RunRequest;
import io.chaosfn.trigger.SharedSecret;
import io.chaosfn.trigger.local.StaticWebhookSecrets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The handler end to end in process: Function URL events as Lambda delivers them (base64 bodies included),
 * signed as GitHub and Flux sign (HMAC-SHA256 of the raw bytes with the JDK's Mac), answered as the sender sees
 * it.
 */
class WebhookHandlerTest {
  private static final String GITHUB_KEY = "github-key";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String BODY = """
      {"action": "created", "deployment_status": {"state": "success"},
       "deployment": {"sha": "4f2a9c1"}, "repository": {"full_name": "acme/shop"}}""";

  private final List<RunRequest> requested = new ArrayList<>();
  private final WebhookHandler handler = new WebhookHandler(new WebhookService(
      new StaticWebhookSecrets(Map.of(DeploySource.GITHUB, SharedSecret.of(GITHUB_KEY))),
      new InMemoryDeliveryLog(),
      () -> List.of(new ExperimentCatalog.Entry("shop-pods", "s3://bucket/shop-pods.yaml", new ChaosfnExtension(
          "shop-pods", null, new DeployTrigger(Map.of("repository", "acme/shop"), Duration.ZERO), null, null,
          null))),
      requested::addAll,
      Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC)));

  @Test
  void streamHandler_signedBase64Delivery_answers202WithTheRunIds() {
    byte[] event = JSON.writeValueAsBytes(github("POST", "/webhook/github", BODY, true, sign(GITHUB_KEY, BODY)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    handler.handleRequest(new ByteArrayInputStream(event), out, null);

    JsonNode answer = JSON.readTree(out.toByteArray());
    assertThat(answer.path("statusCode").asInt()).isEqualTo(202);
    assertThat(JSON.readTree(answer.path("body").asString()).path("runs").get(0).path("experimentId").asString())
        .isEqualTo("shop-pods");
  }

  @Test
  void handleRequest_signedBase64Delivery_answers202WithTheRunIds() {
    APIGatewayV2HTTPResponse response = handler.handleRequest(github("POST", "/webhook/github", BODY, true,
        sign(GITHUB_KEY, BODY)), null);

    assertThat(response.getStatusCode()).isEqualTo(202);
    JsonNode body = JSON.readTree(response.getBody());
    assertThat(body.path("status").asString()).isEqualTo("accepted");
    assertThat(body.path("runs").get(0).path("runId").asString()).isEqualTo(requested.get(0).runId());
    assertThat(body.path("runs").get(0).path("experimentId").asString()).isEqualTo("shop-pods");
  }

  @Test
  void handleRequest_secondDelivery_answers200DuplicateAndRequestsNothingMore() {
    handler.handleRequest(github("POST", "/webhook/github", BODY, false, sign(GITHUB_KEY, BODY)), null);

    APIGatewayV2HTTPResponse again = handler.handleRequest(github("POST", "/webhook/github", BODY, true,
        sign(GITHUB_KEY, BODY)), null);

    assertThat(again.getStatusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.getBody()).path("status").asString()).isEqualTo("duplicate");
    assertThat(requested).hasSize(1);
  }

  @Test
  void handleRequest_signatureOverTheBase64Text_answers401() {
    String base64 = Base64.getEncoder().encodeToString(BODY.getBytes(StandardCharsets.UTF_8));

    APIGatewayV2HTTPResponse response = handler.handleRequest(github("POST", "/webhook/github", BODY, true,
        sign(GITHUB_KEY, base64)), null);

    assertThat(response.getStatusCode()).isEqualTo(401);
    assertThat(JSON.readTree(response.getBody()).path("error").path("code").asString()).isEqualTo("unauthorized");
  }

  @Test
  void handleRequest_signedMalformedBody_answers400() {
    String malformed = BODY + " trailing";

    APIGatewayV2HTTPResponse response = handler.handleRequest(github("POST", "/webhook/github", malformed, false,
        sign(GITHUB_KEY, malformed)), null);

    assertThat(response.getStatusCode()).isEqualTo(400);
  }

  @Test
  void handleRequest_bodyOver256KiB_answers413() {
    String large = "{\"pad\": \"" + "x".repeat(256 * 1024) + "\"}";

    APIGatewayV2HTTPResponse response = handler.handleRequest(github("POST", "/webhook/github", large, true,
        sign(GITHUB_KEY, large)), null);

    assertThat(response.getStatusCode()).isEqualTo(413);
  }

  @Test
  void handleRequest_unknownRoute_answers404() {
    assertThat(handler.handleRequest(github("POST", "/webhooks", BODY, false, "x"), null).getStatusCode())
        .isEqualTo(404);
  }

  @Test
  void handleRequest_get_answers405() {
    assertThat(handler.handleRequest(github("GET", "/webhook/github", "", false, "x"), null).getStatusCode())
        .isEqualTo(405);
  }

  @Test
  void handleRequest_anyAnswer_isJson() {
    APIGatewayV2HTTPResponse response = handler.handleRequest(github("GET", "/webhook/github", "", false, "x"),
        null);

    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
    assertThat(JSON.readTree(response.getBody()).path("error").path("code").asString())
        .isEqualTo("method_not_allowed");
  }

  private static APIGatewayV2HTTPEvent github(String method, String path, String body, boolean base64,
      String signature) {
    return APIGatewayV2HTTPEvent.builder()
        .withRawPath(path)
        .withHeaders(Map.of("content-type", "application/json", "x-hub-signature-256", signature,
            "x-github-event", "deployment_status", "x-github-delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958"))
        .withBody(base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body)
        .withIsBase64Encoded(base64)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build())
            .withRequestId("req-1")
            .build())
        .build();
  }

  private static String sign(String key, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
