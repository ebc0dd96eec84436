package io.chaosfn.kubernetes.pod;

import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.kubernetes.ApiRequest;
import io.chaosfn.kubernetes.KubernetesSupport;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Deletes selected pods, at most {@link KubernetesSupport#deleteConcurrency()} at a time. Chaos Toolkit deletes
 * one by one and stops at the first error; here deletes overlap, and after the first failure no new delete
 * starts (those already in flight finish), so the activity fails as Chaos Toolkit's does with at most a bounded
 * number of extra pods deleted.
 */
final class PodDeletion {
  private final KubernetesSupport support;

  PodDeletion(KubernetesSupport support) {
    this.support = support;
  }

  /**
   * Deletes {@code pods} from {@code namespace}.
   *
   * @param gracePeriod seconds, or negative for each pod's own {@code terminationGracePeriodSeconds}
   * @return the names deleted, in selection order
   * @throws ActivityFailedException the first failure, after the deletes in flight have finished
   */
  List<String> delete(KubernetesClient client, String namespace, List<Pod> pods, long gracePeriod) {
    if (pods.isEmpty()) {
      return List.of();
    }
    AtomicReference<ActivityFailedException> firstFailure = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(
        Math.min(support.deleteConcurrency(), pods.size()), daemonThreads());
    try {
      for (Pod pod : pods) {
        String name = pod.getMetadata().getName();
        pool.execute(() -> {
          if (firstFailure.get() != null) {
            return;
          }
          try {
            deleteOne(client, namespace, name, gracePeriod);
          } catch (ActivityFailedException e) {
            firstFailure.compareAndSet(null, e);
          }
        });
      }
    } finally {
      awaitTermination(pool);
    }
    if (firstFailure.get() != null) {
      throw firstFailure.get();
    }
    List<String> names = new ArrayList<>();
    pods.forEach(p -> names.add(p.getMetadata().getName()));
    return names;
  }

  private void deleteOne(KubernetesClient client, String namespace, String name, long gracePeriod) {
    ApiRequest request = ApiRequest.of("delete", "", "pods", namespace).named(name);
    support.call(request, () -> {
      PodResource pod = client.pods().inNamespace(namespace).withName(name);
      List<StatusDetails> details = gracePeriod >= 0 ? pod.withGracePeriod(gracePeriod).delete() : pod.delete();
      if (details.isEmpty()) {
        // fabric8 answers a 404 on delete with an empty list; Chaos Toolkit's client raises it
        throw new KubernetesClientException("pod " + name + " not found", 404, null);
      }
      return details;
    });
  }

  private static void awaitTermination(ExecutorService pool) {
    pool.shutdown();
    try {
      // each delete is bounded by the client's request timeout and the retry budget, so this wait is too
      pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
      throw new ActivityFailedException("terminating pods was interrupted", e);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "chaosfn-pod-delete-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
