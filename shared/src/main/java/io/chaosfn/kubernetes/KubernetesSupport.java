package io.chaosfn.kubernetes;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.ActivityFailedException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What every chaosk8s activity shares: the clients, the retrying call wrapper, the deployment's guardrails,
 * the random source for {@code rand} selections and the bound on concurrent deletes.
 *
 * @param clients resolves a cluster client from an activity's secrets and environment
 * @param calls retries and translates API failures
 * @param deploymentPolicy the outer guardrails; an experiment may only narrow them
 * @param random picks pods when {@code rand: true}
 * @param deleteConcurrency how many deletes may be in flight at once
 */
public record KubernetesSupport(
    KubernetesClients clients, ApiCalls calls, GuardrailPolicy deploymentPolicy, RandomGenerator random,
    int deleteConcurrency) {
  /**
   * Eight: enough to hide a 10 ms round trip behind the others (the benchmark in docs/performance.md), few
   * enough not to look like a flood to the API server's priority and fairness.
   */
  public static final int DEFAULT_DELETE_CONCURRENCY = 8;

  public KubernetesSupport {
    Objects.requireNonNull(clients, "clients");
    Objects.requireNonNull(calls, "calls");
    Objects.requireNonNull(deploymentPolicy, "deploymentPolicy");
    Objects.requireNonNull(random, "random");
    if (deleteConcurrency < 1) {
      throw new IllegalArgumentException("delete concurrency must be at least 1, found " + deleteConcurrency);
    }
  }

  public KubernetesClient client(ActivityContext context) {
    return clients.client(context.secrets(), context.environment());
  }

  public <T> T call(ApiRequest request, Supplier<T> call) {
    return calls.run(request, call);
  }

  /**
   * The deployment's guardrails narrowed by the experiment's.
   *
   * @throws ActivityFailedException when the experiment's guardrails are malformed
   */
  public GuardrailPolicy policy(ActivityContext context) {
    try {
      return deploymentPolicy.narrowedBy(context.extension());
    } catch (IllegalArgumentException e) {
      throw new ActivityFailedException(e.getMessage(), e);
    }
  }
}
