package io.chaosfn.trigger.secretsmanager;

import io.chaosfn.Json;
import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.SharedSecret;
import io.chaosfn.trigger.WebhookSecrets;
import io.chaosfn.trigger.WebhookUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The webhook secrets in one Secrets Manager secret whose string is a JSON object keyed by source:
 * {@code {"flux": "...", "github": "...", "argo": "...", "generic": "..."}}; a source left out is not
 * configured. The secret is fetched with one {@code GetSecretValue} and kept for {@code ttl}, so a warm function
 * reads it about once per TTL and a rotated secret is used within one TTL. When a refresh fails, the secrets
 * already held keep being used (a Secrets Manager outage does not stop the webhook) and the failure is logged.
 */
public final class SecretsManagerWebhookSecrets implements WebhookSecrets {
  private static final Logger LOG = LoggerFactory.getLogger(SecretsManagerWebhookSecrets.class);

  private final SecretsManagerClient client;
  private final String secretId;
  private final Duration ttl;
  private final Clock clock;
  private Cached cached;

  private record Cached(Map<DeploySource, SharedSecret> secrets, Instant fetchedAt) {}

  public SecretsManagerWebhookSecrets(SecretsManagerClient client, String secretId, Duration ttl, Clock clock) {
    this.client = client;
    this.secretId = secretId;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public synchronized Optional<SharedSecret> secret(DeploySource source) {
    Instant now = clock.instant();
    if (cached == null || !now.isBefore(cached.fetchedAt().plus(ttl))) {
      try {
        cached = new Cached(fetch(), now);
      } catch (WebhookUnavailableException e) {
        if (cached == null) {
          throw e;
        }
        LOG.warn("webhook secrets not refreshed, the ones fetched at {} stay in use: {}", cached.fetchedAt(),
            e.getMessage());
      }
    }
    return Optional.ofNullable(cached.secrets().get(source));
  }

  private Map<DeploySource, SharedSecret> fetch() {
    String value;
    try {
      value = client.getSecretValue(request -> request.secretId(secretId)).secretString();
    } catch (SdkException e) {
      throw new WebhookUnavailableException("cannot read the webhook secrets (" + secretId + "): "
          + e.getClass().getSimpleName(), e);
    }
    // Messages below name the secret and the key, never a value: a parse error could quote one.
    JsonNode json;
    try {
      json = value == null ? null : Json.MAPPER.readTree(value);
    } catch (JacksonException e) {
      throw new WebhookUnavailableException("the webhook secret " + secretId + " is not a JSON object", null);
    }
    if (json == null || !json.isObject()) {
      throw new WebhookUnavailableException("the webhook secret " + secretId + " is not a JSON object", null);
    }
    Map<DeploySource, SharedSecret> secrets = new EnumMap<>(DeploySource.class);
    for (DeploySource source : DeploySource.values()) {
      JsonNode secret = json.get(source.wireName());
      if (secret == null || secret.isNull()) {
        continue;
      }
      if (!secret.isString() || secret.asString().isEmpty()) {
        throw new WebhookUnavailableException("the webhook secret " + secretId + " has a '" + source.wireName()
            + "' that is not a non-empty string", null);
      }
      secrets.put(source, SharedSecret.of(secret.asString()));
    }
    return secrets;
  }
}
