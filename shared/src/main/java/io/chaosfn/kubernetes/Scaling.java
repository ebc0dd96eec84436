package io.chaosfn.kubernetes;

import io.chaosfn.activity.ActivityFailedException;
import java.util.function.BiConsumer;

/** chaosk8s's scale actions: patch {@code spec.replicas}, failures worded {@code failed to scale ...}. */
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
