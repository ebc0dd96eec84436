package io.chaosfn.flow;

import java.time.Duration;
import java.util.Objects;

/**
 * Waits for a deployed workload's rollout to be healthy, so a run requested by a deploy tests the new version
 * and not the old pods still serving while the new ones start (issue 5 item 2).
 *
 * <p>Implementations block the calling thread for at most {@code limit} and are thread-safe.
 */
public interface RolloutWatch {
  /** For deployments without cluster access: every rollout counts as healthy at once. */
  RolloutWatch NONE = (rollout, limit) -> true;

  /**
   * @param limit how long to wait at most; zero checks once
   * @return true as soon as the rollout is healthy, false when {@code limit} passed first (a workload that does
   *     not exist counts as not healthy: it may still be being created)
   * @throws RuntimeException cluster errors other than the time running out, as the implementation's unchecked
   *     exceptions
   */
  boolean awaitHealthy(Rollout rollout, Duration limit);

  /**
   * The workload a deploy changed and how long the run may wait for it.
   *
   * @param maxWait the experiment's {@code wait_for_rollout_seconds}
   */
  record Rollout(String namespace, String workload, Duration maxWait) {
    public Rollout {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(workload, "workload");
      if (maxWait == null || maxWait.isNegative()) {
        throw new IllegalArgumentException("the rollout wait must be zero or more");
      }
    }

    @Override
    public String toString() {
      return namespace + "/" + workload;
    }
  }
}
