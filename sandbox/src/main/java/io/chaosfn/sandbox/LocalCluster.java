package io.chaosfn.sandbox;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cluster: fabric8's mock API server in CRUD mode on a loopback port, over HTTPS with a self-signed certificate
 * for {@code localhost}, so functions reach it as they reach an EKS cluster (endpoint, CA data, a bearer token the
 * mock does not check). It stores and serves resources and their watches but runs no controllers, so what controllers would do (rollout status, Patroni's failover) is simulated
 * by {@link SimulatedRollout} and {@link SimulatedPatroni}.
 */
final class LocalCluster implements AutoCloseable {
  static final String NAMESPACE = "default";
  static final String FRONTEND = "frontend-app";
  static final Map<String, String> SPILO = Map.of("application", "spilo");

  /** Kept here so the level set below holds: JUL forgets the levels of loggers nobody references. */
  private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");
  private final MockWebServer web = new MockWebServer();
  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final AtomicInteger pods = new AtomicInteger();

  LocalCluster() {
    // the mock logs every request at INFO, which would bury the story
    MOCK_SERVER_LOG.setLevel(Level.WARNING);
    server = new KubernetesMockServer(new Context(), web, new HashMap<>(), new KubernetesCrudDispatcher(), true);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
  }

  /** The API server's URL, under the certificate's host name. */
  String url() {
    return "https://localhost:" + server.getPort();
  }

  /** The certificate the API server presents, base64 PEM, as EKS gives a cluster's CA data. */
  String caData() {
    try {
      return Base64.getEncoder().encodeToString(
          Files.readAllBytes(Path.of(web.getSelfSignedCertificate().certificatePath())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the mock API server's certificate", e);
    }
  }

  KubernetesClient client() {
    return client;
  }

  /** The seed scenario: {@code frontend-app} (2 replicas, rolled out), {@code frontend-db-0} master, -1 replica. */
  void seed(String image) {
    client.resource(frontend(image)).create();
    createDatabasePod("frontend-db-0", "master");
    createDatabasePod("frontend-db-1", "replica");
  }

  /** Creates a Patroni pod with a new uid, as its StatefulSet would after a deletion. */
  Pod createDatabasePod(String name, String role) {
    Map<String, String> labels = new HashMap<>(SPILO);
    labels.put("spilo-role", role);
    return client.pods().inNamespace(NAMESPACE).resource(new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(NAMESPACE).withLabels(labels)
        .withUid(name + "-" + pods.incrementAndGet()).endMetadata()
        .withNewSpec().withNodeName("node-a").addNewContainer().withName("postgres").withImage("spilo:3")
        .endContainer().endSpec()
        .withNewStatus().withPhase("Running").endStatus()
        .build()).create();
  }

  private static Deployment frontend(String image) {
    return new DeploymentBuilder()
        .withNewMetadata().withName(FRONTEND).withNamespace(NAMESPACE).withGeneration(1L)
        .addToLabels("app", FRONTEND).endMetadata()
        .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", FRONTEND).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", FRONTEND).endMetadata()
        .withNewSpec().addNewContainer().withName("frontend").withImage(image).endContainer().endSpec()
        .endTemplate().endSpec()
        .withNewStatus().withObservedGeneration(1L).withReplicas(2).withUpdatedReplicas(2).withReadyReplicas(2)
        .withAvailableReplicas(2).endStatus()
        .build();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
