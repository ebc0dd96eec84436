package io.chaosfn.kubernetes;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.activity.Parameter;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chaosk8s function whose whole behaviour is one body run against a cluster client: the probes and the
 * simple actions. Activities with validation or a dry-run record of their own implement {@link NativeActivity}
 * directly.
 */
public final class KubernetesActivity implements NativeActivity {
  /** The body of a chaosk8s function. */
  @FunctionalInterface
  public interface Body {
    /** Returns the Python function's output ({@code null} node when it returns nothing). */
    JsonNode run(Arguments arguments, KubernetesClient client, ActivityContext context);
  }

  private final String module;
  private final String func;
  private final List<Parameter> parameters;
  private final KubernetesSupport support;
  private final Body body;

  public KubernetesActivity(
      String module, String func, List<Parameter> parameters, KubernetesSupport support, Body body) {
    this.module = Objects.requireNonNull(module, "module");
    this.func = Objects.requireNonNull(func, "func");
    this.parameters = List.copyOf(parameters);
    this.support = Objects.requireNonNull(support, "support");
    this.body = Objects.requireNonNull(body, "body");
  }

  @Override
  public String module() {
    return module;
  }

  @Override
  public String func() {
    return func;
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }

  @Override
  public JsonNode call(ObjectNode arguments, ActivityContext context) {
    return body.run(new Arguments(func, arguments), support.client(context), context);
  }
}
