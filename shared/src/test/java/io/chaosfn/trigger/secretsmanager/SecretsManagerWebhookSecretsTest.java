package io.chaosfn.trigger.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chaosfn.kubernetes.auth.MutableClock;
import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.SharedSecret;
import io.chaosfn.trigger.WebhookUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Against a stand-in for Secrets Manager (decisions.md §5 allows one: there is no local implementation): a JDK
 * HttpServer answering the AWS JSON 1.1 protocol's {@code secretsmanager.GetSecretValue} as the service does,
 * with the secret string the test sets, or a {@code ResourceNotFoundException}.
 */
class SecretsManagerWebhookSecretsTest {
  private static final String SECRET_ID = "chaosfn/webhook";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile String secretString = "{\"flux\": \"flux-key\", \"argo\": \"argo-token\"}";
  private volatile boolean missing;
  private HttpServer server;
  private SecretsManagerClient client;
  private MutableClock clock;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    client = SecretsManagerClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
    clock = new MutableClock(START);
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  @Test
  void secret_configuredSource_isTheSecretsValueForIt() {
    SecretsManagerWebhookSecrets secrets = secrets();

    SharedSecret flux = secrets.secret(DeploySource.FLUX).orElseThrow();

    assertThat(new String(flux.bytes(), StandardCharsets.UTF_8)).isEqualTo("flux-key");
    assertThat(requests).containsExactly("secretsmanager.GetSecretValue " + SECRET_ID);
  }

  @Test
  void secret_sourceLeftOut_isEmpty() {
    assertThat(secrets().secret(DeploySource.GITHUB)).isEmpty();
  }

  @Test
  void secret_withinTtl_isNotFetchedAgain() {
    SecretsManagerWebhookSecrets secrets = secrets();
    secrets.secret(DeploySource.FLUX);
    clock.advance(Duration.ofSeconds(299));

    secrets.secret(DeploySource.ARGO);

    assertThat(requests).hasSize(1);
  }

  @Test
  void secret_afterTtl_isRefetchedAndSeesTheRotatedValue() {
    SecretsManagerWebhookSecrets secrets = secrets();
    secrets.secret(DeploySource.FLUX);
    secretString = "{\"flux\": \"rotated\"}";
    clock.advance(Duration.ofSeconds(300));

    SharedSecret flux = secrets.secret(DeploySource.FLUX).orElseThrow();

    assertThat(new String(flux.bytes(), StandardCharsets.UTF_8)).isEqualTo("rotated");
    assertThat(requests).hasSize(2);
  }

  @Test
  void secret_refreshFails_keepsTheSecretsAlreadyHeld() {
    SecretsManagerWebhookSecrets secrets = secrets();
    secrets.secret(DeploySource.FLUX);
    missing = true;
    clock.advance(Duration.ofMinutes(10));

    SharedSecret flux = secrets.secret(DeploySource.FLUX).orElseThrow();

    assertThat(new String(flux.bytes(), StandardCharsets.UTF_8)).isEqualTo("flux-key");
  }

  @Test
  void secret_firstFetchFails_isUnavailable() {
    missing = true;

    assertThatThrownBy(() -> secrets().secret(DeploySource.FLUX))
        .isInstanceOf(WebhookUnavailableException.class)
        .hasMessageContaining(SECRET_ID);
  }

  @Test
  void secret_notJson_isUnavailableWithoutQuotingTheValue() {
    secretString = "plain-secret-value";

    assertThatThrownBy(() -> secrets().secret(DeploySource.FLUX))
        .isInstanceOf(WebhookUnavailableException.class)
        .message().doesNotContain("plain-secret-value");
  }

  @Test
  void secret_nonStringValue_isUnavailable() {
    secretString = "{\"flux\": 12}";

    assertThatThrownBy(() -> secrets().secret(DeploySource.FLUX))
        .isInstanceOf(WebhookUnavailableException.class)
        .hasMessageContaining("'flux'");
  }

  @Test
  void sharedSecret_toString_hidesTheValue() {
    assertThat(secrets().secret(DeploySource.FLUX).orElseThrow()).hasToString("***");
  }

  private SecretsManagerWebhookSecrets secrets() {
    return new SecretsManagerWebhookSecrets(client, SECRET_ID, Duration.ofMinutes(5), clock);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    String secretId = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("SecretId").asString();
    requests.add(target + " " + secretId);
    int status;
    String body;
    if (missing || !"secretsmanager.GetSecretValue".equals(target)) {
      status = 400;
      body = JSON.writeValueAsString(JsonNodeFactory.instance.objectNode()
          .put("__type", "ResourceNotFoundException")
          .put("message", "Secrets Manager can't find the specified secret."));
    } else {
      status = 200;
      body = JSON.writeValueAsString(JsonNodeFactory.instance.objectNode()
          .put("ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + secretId + "-AbCdEf")
          .put("Name", secretId)
          .put("SecretString", secretString)
          .put("VersionId", "v1")
          .put("CreatedDate", 1.7408232E9));
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
