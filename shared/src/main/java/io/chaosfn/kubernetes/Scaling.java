package io.chaosfn.kubernetes;

import io.chaosfn.activity.ActivityFailedException;
import java.util.function.BiConsumer;

/**
 * chaosk8s's scale actions: patch {@code spec.replicas}, failures worded {@code failed to scale ...}. The Python
 * client sends a strategic-merge patch; callers send a JSON merge patch, which has the same effect on a body
 * without lists and is also understood by servers without strategic merge (the fabric8 mock answers 415).
 */
public final class Scaling {
  private Scaling() {}

  /**
   * Sends {@code {"spec": {"replicas": n}}} through {@code patch}.
   *
   * @throws ActivityFailedException {@code failed to scale '<name>' to <n> replicas: <reason>}
   */
  public static void scale(
      KubernetesSupport support, Arguments args, ApiRequest request, BiConsumer<Integer, String> patch) {
    int replicas = args.integer("replicas", 0);
    try {
      support.call(request, () -> {
        patch.accept(replicas, "{\"spec\":{\"replicas\":" + replicas + "}}");
        return replicas;
      });
    } catch (ActivityFailedException e) {
      throw new ActivityFailedException(
          "failed to scale '" + request.name() + "' to " + replicas + " replicas: " + e.getMessage(), e);
    }
  }
}
