package io.chaosfn.sandbox;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Patroni's failover, simulated: when the master pod is deleted, the replica is relabelled
 * {@code spilo-role=master} at once, and the deleted pod comes back as the replica after {@code restartDelay}
 * (its StatefulSet recreating it). Driven by a label-filtered watch on the mock API server.
 */
final class SimulatedPatroni implements AutoCloseable {
  private final LocalCluster cluster;
  private final Duration restartDelay;
  private final Consumer<String> say;
  private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "patroni-restarts");
    thread.setDaemon(true);
    return thread;
  });
  private final Watch watch;

  SimulatedPatroni(LocalCluster cluster, Duration restartDelay, Consumer<String> say) {
    this.cluster = cluster;
    this.restartDelay = restartDelay;
    this.say = say;
    this.watch = cluster.client().pods().inNamespace(LocalCluster.NAMESPACE).withLabel("spilo-role", "master")
        .watch(new Watcher<>() {
          @Override
          public void eventReceived(Action action, Pod pod) {
            if (action == Action.DELETED) {
              failOver(pod.getMetadata().getName());
            }
          }

          @Override
          public void onClose(WatcherException cause) {
            // closed with the sandbox
          }
        });
  }

  private void failOver(String lost) {
    cluster.client().pods().inNamespace(LocalCluster.NAMESPACE).withLabels(LocalCluster.SPILO)
        .withLabel("spilo-role", "replica").list().getItems().stream().findFirst().ifPresent(replica -> {
          String name = replica.getMetadata().getName();
          cluster.client().pods().inNamespace(LocalCluster.NAMESPACE).withName(name)
              .edit(p -> {
                p.getMetadata().getLabels().put("spilo-role", "master");
                return p;
              });
          say.accept("[patroni, simulated] " + lost + " is gone: " + name + " promoted to master");
        });
    restarts.schedule(() -> {
      cluster.createDatabasePod(lost, "replica");
      say.accept("[patroni, simulated] " + lost + " restarted as replica");
    }, restartDelay.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    watch.close();
    restarts.shutdownNow();
  }
}
