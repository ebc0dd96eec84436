package io.chaosfn.kubernetes.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.kubernetes.TestClusters;
import io.chaosfn.testing.MutableClock;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cluster access in chaosk8s's order plus EKS, against the fabric8 mock API server (plain HTTP), which records
 * the Authorization header each mode sends.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ClusterClientsTest {
  KubernetesMockServer server;

  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock(TestClusters.NOW);

  private ClusterClients clients(Optional<ClusterAccess.Eks> deploymentCluster) {
    return new ClusterClients(deploymentCluster,
        () -> AwsCredentialsIdentity.create("AKIDEXAMPLE", "secret"), clock, dir.resolve("sa"));
  }

  private String url() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  private static ObjectNode secrets(String... keyValues) {
    ObjectNode secrets = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < keyValues.length; i += 2) {
      secrets.put(keyValues[i], keyValues[i + 1]);
    }
    return secrets;
  }

  private String lastAuthorization() throws InterruptedException {
    String header = null;
    RecordedRequest request;
    while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      header = request.getHeader("Authorization");
    }
    return header;
  }

  /** A real certificate from the JDK's trust store, as EKS_CLUSTER_CA_DATA would carry one. */
  private static String someCaData() throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try (var in = Files.newInputStream(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
      store.load(in, null);
    }
    Certificate cert = store.getCertificate(store.aliases().nextElement());
    String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(cert.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
    return Base64.getEncoder().encodeToString(pem.getBytes());
  }

  @Test
  void client_explicitApiKeyInSecrets_sendsItAsBearerToken() throws InterruptedException {
    try (ClusterClients clients = clients(Optional.empty())) {
      KubernetesClient client = clients.client(secrets("KUBERNETES_HOST", url(), "KUBERNETES_API_KEY", "s3cr3t"),
          Map.of("KUBERNETES_API_KEY", "from-env"));

      client.pods().inNamespace("default").list();

      assertThat(lastAuthorization()).isEqualTo("Bearer s3cr3t");
    }
  }

  @Test
  void client_explicitSettingsOnlyInEnvironment_areUsed() throws InterruptedException {
    try (ClusterClients clients = clients(Optional.empty())) {
      KubernetesClient client = clients.client(secrets(),
          Map.of("KUBERNETES_HOST", url(), "KUBERNETES_API_KEY", "from-env"));

      client.pods().inNamespace("default").list();

      assertThat(lastAuthorization()).isEqualTo("Bearer from-env");
    }
  }

  @Test
  void client_kubeconfigExists_winsOverExplicitSettings() throws IOException, InterruptedException {
    Path kubeconfig = dir.resolve("config");
    Files.writeString(kubeconfig, String.join("\n",
        "apiVersion: v1", "kind: Config", "current-context: other",
        "clusters:", "- name: mock", "  cluster: {server: '" + url() + "'}",
        "users:", "- name: tester", "  user: {token: kubeconfig-token}", "- name: nobody", "  user: {token: nope}",
        "contexts:", "- name: mock", "  context: {cluster: mock, user: tester, namespace: default}",
        "- name: other", "  context: {cluster: mock, user: nobody}", ""));
    try (ClusterClients clients = clients(Optional.empty())) {
      KubernetesClient client = clients.client(secrets("KUBERNETES_CONTEXT", "mock", "KUBERNETES_API_KEY", "x"),
          Map.of("KUBECONFIG", kubeconfig.toString(), "KUBERNETES_HOST", "http://elsewhere:1"));

      client.pods().inNamespace("default").list();

      assertThat(lastAuthorization()).isEqualTo("Bearer kubeconfig-token");
    }
  }

  @Test
  void client_inPod_readsTheServiceAccountToken() throws Exception {
    ClusterClients clients = clients(Optional.empty());
    Files.createDirectories(dir.resolve("sa"));
    Files.writeString(dir.resolve("sa/token"), "sa-token\n");
    ClusterAccess access = new ClusterSettings(secrets(), Map.of("CHAOSTOOLKIT_IN_POD", "true",
        "KUBERNETES_SERVICE_HOST", "10.0.0.1", "KUBERNETES_SERVICE_PORT", "443")).resolve(Optional.empty(),
        dir.resolve("sa"));

    Config config = clients.config(access, Map.of());

    assertThat(config.getMasterUrl()).startsWith("https://10.0.0.1:443");
    assertThat(config.getOauthTokenProvider().getToken()).isEqualTo("sa-token");
  }

  @Test
  void client_eksDeploymentCluster_sendsAMintedTokenAndRefreshesItDuringALongRun() throws Exception {
    ClusterAccess.Eks eks = new ClusterAccess.Eks("prod", "eu-west-1", url(), someCaData());
    try (ClusterClients clients = clients(Optional.of(eks))) {
      KubernetesClient client = clients.client(secrets(), Map.of());

      client.pods().inNamespace("default").list();
      String first = lastAuthorization();
      clock.advance(Duration.ofMinutes(11));
      client.pods().inNamespace("default").list();
      String second = lastAuthorization();

      assertThat(first).startsWith("Bearer k8s-aws-v1.");
      assertThat(second).startsWith("Bearer k8s-aws-v1.").isNotEqualTo(first);
    }
  }

  @Test
  void client_eksNamedWithoutEndpoint_failsNamingTheSetting() {
    try (ClusterClients clients = clients(Optional.empty())) {
      assertThatThrownBy(() -> clients.client(secrets("EKS_CLUSTER_NAME", "prod", "AWS_REGION", "eu-west-1"),
          Map.of()))
          .isInstanceOf(ActivityFailedException.class)
          .hasMessageContaining("'EKS_CLUSTER_ENDPOINT' is missing");
    }
  }

  @Test
  void resolve_explicitHostSet_winsOverTheDeploymentCluster() {
    ClusterAccess.Eks eks = new ClusterAccess.Eks("prod", "eu-west-1", "https://eks", "ca");

    ClusterAccess access = new ClusterSettings(secrets("KUBERNETES_HOST", "https://k8s"), Map.of())
        .resolve(Optional.of(eks), dir);

    assertThat(access).isInstanceOf(ClusterAccess.Explicit.class);
  }

  @Test
  void resolve_verifySslStringFalse_stillVerifiesAsChaosk8sDoes() {
    ClusterAccess access = new ClusterSettings(secrets(), Map.of("KUBERNETES_VERIFY_SSL", "false"))
        .resolve(Optional.empty(), dir);

    assertThat(((ClusterAccess.Explicit) access).verifySsl()).isTrue();
  }

  @Test
  void resolve_verifySslJsonFalseInSecrets_turnsVerificationOff() {
    ObjectNode secrets = secrets();
    secrets.put("KUBERNETES_VERIFY_SSL", false);

    ClusterAccess access = new ClusterSettings(secrets, Map.of()).resolve(Optional.empty(), dir);

    assertThat(((ClusterAccess.Explicit) access).verifySsl()).isFalse();
  }

  @Test
  void explicitToString_masksCredentials() {
    ClusterAccess access = new ClusterSettings(secrets("KUBERNETES_API_KEY", "s3cr3t", "KUBERNETES_PASSWORD", "pw"),
        Map.of()).resolve(Optional.empty(), dir);

    assertThat(access.toString()).doesNotContain("s3cr3t").doesNotContain("pw]");
  }
}
