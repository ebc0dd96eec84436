package io.chaosfn.trigger.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.testing.MutableClock;
import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.SharedSecret;
import io.chaosfn.trigger.WebhookUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Against {@link SecretsManagerStandIn}, a stand-in for Secrets Manager (decisions.md §5 allows one: there is no
 * local implementation).
 */
class SecretsManagerWebhookSecretsTest {
  private static final String SECRET_ID = "chaosfn/webhook";
  private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

  private SecretsManagerStandIn standIn;
  private SecretsManagerClient client;
  private MutableClock clock;

  @BeforeEach
  void start() {
    standIn = new SecretsManagerStandIn("{\"flux\": \"flux-key\", \"argo\": \"argo-token\"}");
    client = standIn.client();
    clock = new MutableClock(START);
  }

  @AfterEach
  void stop() {
    client.close();
    standIn.close();
  }

  @Test
  void secret_configuredSource_isTheSecretsValueForIt() {
    SecretsManagerWebhookSecrets secrets = secrets();

    SharedSecret flux = secrets.secret(DeploySource.FLUX).orElseThrow();

    assertThat(new String(flux.bytes(), StandardCharsets.UTF_8)).isEqualTo("flux-key");
    assertThat(standIn.requests()).containsExactly("secretsmanager.GetSecretValue " + SECRET_ID);
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

    assertThat(standIn.requests()).hasSize(1);
  }

  @Test
  void secret_afterTtl_isRefetchedAndSeesTheRotatedValue() {
    SecretsManagerWebhookSecrets secrets = secrets();
    secrets.secret(DeploySource.FLUX);
    standIn.secretString("{\"flux\": \"rotated\"}");
    clock.advance(Duration.ofSeconds(300));

    SharedSecret flux = secrets.secret(DeploySource.FLUX).orElseThrow();

    assertThat(new String(flux.bytes(), StandardCharsets.UTF_8)).isEqualTo("rotated");
    assertThat(standIn.requests()).hasSize(2);
  }

  @Test
  void secret_refreshFails_keepsTheSecretsAlreadyHeld() {
    SecretsManagerWebhookSecrets secrets = secrets();
    secrets.secret(DeploySource.FLUX);
    standIn.remove();
    clock.advance(Duration.ofMinutes(10));

    SharedSecret flux = secrets.secret(DeploySource.FLUX).orElseThrow();

    assertThat(new String(flux.bytes(), StandardCharsets.UTF_8)).isEqualTo("flux-key");
  }

  @Test
  void secret_firstFetchFails_isUnavailable() {
    standIn.remove();

    assertThatThrownBy(() -> secrets().secret(DeploySource.FLUX))
        .isInstanceOf(WebhookUnavailableException.class)
        .hasMessageContaining(SECRET_ID);
  }

  @Test
  void secret_notJson_isUnavailableWithoutQuotingTheValue() {
    standIn.secretString("plain-secret-value");

    assertThatThrownBy(() -> secrets().secret(DeploySource.FLUX))
        .isInstanceOf(WebhookUnavailableException.class)
        .message().doesNotContain("plain-secret-value");
  }

  @Test
  void secret_nonStringValue_isUnavailable() {
    standIn.secretString("{\"flux\": 12}");

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
}
