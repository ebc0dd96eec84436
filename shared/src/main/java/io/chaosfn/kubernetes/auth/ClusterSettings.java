package io.chaosfn.kubernetes.auth;

import io.chaosfn.activity.ActivityFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Picks the cluster access from an activity's settings in chaosk8s's order (chaostoolkit-semantics §5.1), each
 * setting looked up in the secrets first, then in the environment:
 *
 * <ol>
 *   <li>a kubeconfig file that exists at {@code KUBECONFIG} or {@code $HOME/.kube/config}, with
 *       {@code KUBERNETES_CONTEXT};
 *   <li>{@code CHAOSTOOLKIT_IN_POD=true}: the pod's service account;
 *   <li>chaosfn only: {@code EKS_CLUSTER_NAME} with {@code EKS_CLUSTER_REGION} (or {@code AWS_REGION}),
 *       {@code EKS_CLUSTER_ENDPOINT} and {@code EKS_CLUSTER_CA_DATA}; or, when no {@code KUBERNETES_HOST} is set,
 *       the deployment's EKS cluster;
 *   <li>the explicit {@code KUBERNETES_*} settings ({@code KUBERNETES_HOST} defaults to {@code http://localhost}).
 * </ol>
 *
 * <p>The EKS endpoint and CA come from settings, not from EKS DescribeCluster: that keeps the 2.8 MiB eks SDK
 * and an init-time network call out of the Lambda (decisions.md §6).
 */
final class ClusterSettings {
  static final Path SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  private final ObjectNode secrets;
  private final Map<String, String> environment;

  ClusterSettings(ObjectNode secrets, Map<String, String> environment) {
    this.secrets = secrets;
    this.environment = environment;
  }

  ClusterAccess resolve(Optional<ClusterAccess.Eks> deploymentCluster, Path serviceAccountDir) {
    Optional<Path> kubeconfig = setting("KUBECONFIG").map(Path::of)
        .or(() -> setting("HOME").map(home -> Path.of(home, ".kube", "config")))
        .filter(Files::isRegularFile);
    if (kubeconfig.isPresent()) {
      return new ClusterAccess.Kubeconfig(kubeconfig.get(), setting("KUBERNETES_CONTEXT"));
    }
    if ("true".equals(environment.get("CHAOSTOOLKIT_IN_POD"))) {
      return new ClusterAccess.InCluster(require("KUBERNETES_SERVICE_HOST"), require("KUBERNETES_SERVICE_PORT"),
          serviceAccountDir);
    }
    Optional<String> eksCluster = setting("EKS_CLUSTER_NAME");
    if (eksCluster.isPresent()) {
      return new ClusterAccess.Eks(eksCluster.get(),
          setting("EKS_CLUSTER_REGION").or(() -> setting("AWS_REGION")).orElseThrow(() -> missing(
              "EKS_CLUSTER_REGION")),
          require("EKS_CLUSTER_ENDPOINT"), require("EKS_CLUSTER_CA_DATA"));
    }
    if (deploymentCluster.isPresent() && setting("KUBERNETES_HOST").isEmpty()) {
      return deploymentCluster.get();
    }
    return new ClusterAccess.Explicit(
        setting("KUBERNETES_HOST").orElse("http://localhost"),
        verifySsl(),
        setting("KUBERNETES_CA_CERT_FILE"),
        setting("KUBERNETES_API_KEY"),
        setting("KUBERNETES_API_KEY_PREFIX").orElse("Bearer"),
        setting("KUBERNETES_CERT_FILE"),
        setting("KUBERNETES_KEY_FILE"),
        setting("KUBERNETES_USERNAME"),
        setting("KUBERNETES_PASSWORD"));
  }

  /**
   * chaosk8s turns TLS verification on when {@code KUBERNETES_VERIFY_SSL} is present at all, even as the string
   * "false"; only a JSON {@code false} in the secrets, or absence, turns it off.
   */
  private boolean verifySsl() {
    JsonNode secret = secrets == null ? null : secrets.get("KUBERNETES_VERIFY_SSL");
    if (secret != null && !secret.isNull()) {
      return !(secret.isBoolean() && !secret.asBoolean());
    }
    return environment.containsKey("KUBERNETES_VERIFY_SSL");
  }

  private Optional<String> setting(String key) {
    JsonNode secret = secrets == null ? null : secrets.get(key);
    if (secret != null && !secret.isNull()) {
      return Optional.of(secret.asString()).filter(s -> !s.isEmpty());
    }
    return Optional.ofNullable(environment.get(key)).filter(s -> !s.isEmpty());
  }

  private String require(String key) {
    return setting(key).orElseThrow(() -> missing(key));
  }

  private static ActivityFailedException missing(String key) {
    return new ActivityFailedException("Kubernetes setting '" + key + "' is missing from the secrets and the "
        + "environment");
  }
}
