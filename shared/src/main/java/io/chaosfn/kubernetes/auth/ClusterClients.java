package io.chaosfn.kubernetes.auth;

import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.kubernetes.KubernetesClients;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds fabric8 clients for the cluster an activity's settings name ({@link ClusterSettings} picks which), one
 * per distinct access, kept for the life of this object. Every config starts from {@code Config.empty()}: nothing
 * is read from the process environment, system properties or {@code ~/.kube} unless the settings say so.
 * fabric8's own request retries are off; {@link io.chaosfn.kubernetes.ApiCalls} is the only retry budget.
 */
public final class ClusterClients implements KubernetesClients, AutoCloseable {
  private final Optional<ClusterAccess.Eks> deploymentCluster;
  private final Supplier<? extends AwsCredentialsIdentity> awsCredentials;
  private final Clock clock;
  private final Path serviceAccountDir;
  private final Map<ClusterAccess, KubernetesClient> clients = new ConcurrentHashMap<>();

  /**
   * @param deploymentCluster the EKS cluster of this deployment (Lambda), used when the settings name no other
   * @param awsCredentials the runtime's AWS credentials, for EKS tokens
   * @param clock for EKS token expiry
   */
  public ClusterClients(
      Optional<ClusterAccess.Eks> deploymentCluster, Supplier<? extends AwsCredentialsIdentity> awsCredentials,
      Clock clock) {
    this(deploymentCluster, awsCredentials, clock, ClusterSettings.SERVICE_ACCOUNT_DIR);
  }

  ClusterClients(
      Optional<ClusterAccess.Eks> deploymentCluster, Supplier<? extends AwsCredentialsIdentity> awsCredentials,
      Clock clock, Path serviceAccountDir) {
    this.deploymentCluster = Objects.requireNonNull(deploymentCluster, "deploymentCluster");
    this.awsCredentials = Objects.requireNonNull(awsCredentials, "awsCredentials");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.serviceAccountDir = Objects.requireNonNull(serviceAccountDir, "serviceAccountDir");
  }

  @Override
  public KubernetesClient client(ObjectNode secrets, Map<String, String> environment) {
    ClusterSettings settings = new ClusterSettings(secrets, environment);
    ClusterAccess access = settings.resolve(deploymentCluster, serviceAccountDir);
    return clients.computeIfAbsent(access,
        a -> new KubernetesClientBuilder().withConfig(config(a, environment)).build());
  }

  /** The fabric8 config for {@code access}; proxies from the environment apply in every mode, as in chaosk8s. */
  Config config(ClusterAccess access, Map<String, String> environment) {
    Config base = base(access);
    ConfigBuilder builder = new ConfigBuilder(base).withRequestRetryBackoffLimit(0);
    if (base.getMasterUrl() != null && base.getMasterUrl().startsWith("http://")) {
      // the JDK client would try an h2c upgrade, which neither kube-apiserver nor kubectl proxy answers
      builder.withHttp2Disable(true);
    }
    Optional.ofNullable(environment.get("HTTP_PROXY")).ifPresent(builder::withHttpProxy);
    Optional.ofNullable(environment.get("NO_PROXY")).ifPresent(p -> builder.withNoProxy(p.split(",")));
    return builder.build();
  }

  private Config base(ClusterAccess access) {
    if (access instanceof ClusterAccess.Kubeconfig) {
      ClusterAccess.Kubeconfig kubeconfig = (ClusterAccess.Kubeconfig) access;
      try {
        return Config.fromKubeconfig(kubeconfig.context().orElse(null), kubeconfig.file().toFile());
      } catch (KubernetesClientException e) {
        throw new ActivityFailedException("cannot load kubeconfig " + kubeconfig.file() + ": " + e.getMessage(), e);
      }
    }
    ConfigBuilder builder = new ConfigBuilder(Config.empty());
    if (access instanceof ClusterAccess.InCluster) {
      ClusterAccess.InCluster pod = (ClusterAccess.InCluster) access;
      Path token = pod.serviceAccountDir().resolve("token");
      // the kubelet rotates projected service-account tokens: read the file for each request, never once
      return builder.withMasterUrl("https://" + pod.host() + ":" + pod.port())
          .withCaCertFile(pod.serviceAccountDir().resolve("ca.crt").toString())
          .withOauthTokenProvider(() -> read(token))
          .build();
    }
    if (access instanceof ClusterAccess.Eks) {
      ClusterAccess.Eks eks = (ClusterAccess.Eks) access;
      return builder.withMasterUrl(eks.endpoint())
          .withCaCertData(eks.caData())
          .withOauthTokenProvider(new EksTokenProvider(eks.clusterName(), eks.region(), awsCredentials, clock))
          .build();
    }
    return explicit((ClusterAccess.Explicit) access, builder);
  }

  private static Config explicit(ClusterAccess.Explicit settings, ConfigBuilder builder) {
    builder.withMasterUrl(settings.host());
    if (!settings.verifySsl()) {
      builder.withTrustCerts(true).withDisableHostnameVerification(true);
    }
    settings.caCertFile().ifPresent(builder::withCaCertFile);
    if (settings.apiKey().isPresent()) {
      if (!settings.apiKeyPrefix().equals("Bearer")) {
        throw new ActivityFailedException("KUBERNETES_API_KEY_PREFIX '" + settings.apiKeyPrefix()
            + "' is not supported: chaosfn sends API keys as Bearer tokens");
      }
      builder.withOauthToken(settings.apiKey().get());
    } else if (settings.certFile().isPresent() && settings.keyFile().isPresent()) {
      builder.withClientCertFile(settings.certFile().get()).withClientKeyFile(settings.keyFile().get());
    } else if (settings.username().isPresent() && settings.password().isPresent()) {
      builder.withUsername(settings.username().get()).withPassword(settings.password().get());
    }
    return builder.build();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the service-account token " + file, e);
    }
  }

  @Override
  public void close() {
    clients.values().forEach(KubernetesClient::close);
    clients.clear();
  }
}
