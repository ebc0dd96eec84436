package io.chaosfn.trigger.local;

import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.SharedSecret;
import io.chaosfn.trigger.WebhookSecrets;
import java.util.Map;
import java.util.Optional;

/** Secrets given up front (the sandbox reads them from its environment; tests pass them). */
public final class StaticWebhookSecrets implements WebhookSecrets {
  private final Map<DeploySource, SharedSecret> secrets;

  public StaticWebhookSecrets(Map<DeploySource, SharedSecret> secrets) {
    this.secrets = Map.copyOf(secrets);
  }

  @Override
  public Optional<SharedSecret> secret(DeploySource source) {
    return Optional.ofNullable(secrets.get(source));
  }
}
