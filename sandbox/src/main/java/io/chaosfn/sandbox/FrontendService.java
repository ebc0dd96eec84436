package io.chaosfn.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The frontend, simulated by a JDK HTTP server that the experiment's http probe calls. It holds a connection to
 * the database pod that was master when it connected (remembered by uid). Version 1 answers 500 once that pod is
 * gone, and never reconnects; version 2 reconnects to whichever pod is master now.
 */
final class FrontendService implements AutoCloseable {
  private final LocalCluster cluster;
  private final HttpServer server;
  private volatile int version;
  private String connectedUid;

  FrontendService(LocalCluster cluster, int version) {
    this.cluster = cluster;
    this.version = version;
    server = LoopbackHttp.start("the simulated frontend", "/", this::page);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** The version the rolled-out pods run from now on. */
  void serve(int newVersion) {
    version = newVersion;
  }

  private void page(HttpExchange exchange) throws IOException {
    int status;
    String body;
    synchronized (this) {
      if (connectedUid == null || (version >= 2 && pod(connectedUid).isEmpty())) {
        connectedUid = master().map(p -> p.getMetadata().getUid()).orElse(null);
      }
      Optional<Pod> database = connectedUid == null ? Optional.empty() : pod(connectedUid);
      status = database.isPresent() ? 200 : 500;
      body = database.map(p -> "frontend v" + version + ": page served from " + p.getMetadata().getName())
          .orElse("frontend v" + version + ": database connection lost");
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    LoopbackHttp.respond(exchange, status, "text/plain; charset=utf-8", bytes);
  }

  private Optional<Pod> master() {
    return cluster.client().pods().inNamespace(LocalCluster.NAMESPACE).withLabels(LocalCluster.SPILO)
        .withLabel("spilo-role", "master").list().getItems().stream().findFirst();
  }

  private Optional<Pod> pod(String uid) {
    return cluster.client().pods().inNamespace(LocalCluster.NAMESPACE).withLabels(LocalCluster.SPILO).list()
        .getItems().stream().filter(p -> uid.equals(p.getMetadata().getUid())).findFirst();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
