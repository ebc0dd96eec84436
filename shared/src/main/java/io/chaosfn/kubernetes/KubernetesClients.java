package io.chaosfn.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gives an activity the client for the cluster its settings name. Settings are looked up as chaosk8s does
 * (chaostoolkit-semantics §5.1): in the activity's secrets first, then in the environment the run may read.
 *
 * <p>Implementations are thread-safe and cache clients, since a fabric8 client is costly to build; callers never
 * close what they receive.
 */
public interface KubernetesClients {
  /**
   * @param secrets the provider's merged secret scopes
   * @param environment the environment activities may read (filtered in Lambda)
   * @throws io.chaosfn.activity.ActivityFailedException when the settings are incomplete or unreadable
   */
  KubernetesClient client(ObjectNode secrets, Map<String, String> environment);
}
