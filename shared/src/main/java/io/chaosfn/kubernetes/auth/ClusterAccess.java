package io.chaosfn.kubernetes.auth;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to reach and authenticate to one cluster, as resolved from an activity's settings. Records are the cache
 * key of {@link ClusterClients}; the variants holding credentials print them masked.
 */
public sealed interface ClusterAccess {
  /** A kubeconfig file, with a context or its current-context. */
  record Kubeconfig(Path file, Optional<String> context) implements ClusterAccess {}

  /** The pod's service account ({@code CHAOSTOOLKIT_IN_POD=true}). */
  record InCluster(String host, String port, Path serviceAccountDir) implements ClusterAccess {}

  /** An EKS cluster reached with a token minted from the runtime's AWS credentials. */
  record Eks(String clusterName, String region, String endpoint, String caData) implements ClusterAccess {}

  /** chaosk8s's explicit {@code KUBERNETES_*} settings. */
  record Explicit(
      String host, boolean verifySsl, Optional<String> caCertFile, Optional<String> apiKey, String apiKeyPrefix,
      Optional<String> certFile, Optional<String> keyFile, Optional<String> username, Optional<String> password)
      implements ClusterAccess {
    @Override
    public String toString() {
      return "Explicit[host=" + host + ", verifySsl=" + verifySsl + ", apiKey=" + apiKey.map(k -> "***")
          + ", certFile=" + certFile + ", username=" + username + ", password=" + password.map(p -> "***") + "]";
    }
  }
}
