package io.chaosfn.trigger;

import java.util.Optional;

/**
 * Where the webhook finds each source's shared secret. Called once per authenticated request, so an
 * implementation that fetches remotely must cache.
 */
public interface WebhookSecrets {
  /**
   * @return the secret of {@code source}, empty when none is configured (its requests are then all refused)
   * @throws WebhookUnavailableException when the secrets cannot be read at all
   */
  Optional<SharedSecret> secret(DeploySource source);
}
