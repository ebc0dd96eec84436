package io.chaosfn.kubernetes;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.activity.Parameter;
import io.chaosfn.experiment.Problems;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
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
  private final boolean guardsNamespace;

  /** A probe: reads only, so no namespace guardrail. */
  public KubernetesActivity(
      String module, String func, List<Parameter> parameters, KubernetesSupport support, Body body) {
    this(module, func, parameters, support, body, false);
  }

  private KubernetesActivity(
      String module, String func, List<Parameter> parameters, KubernetesSupport support, Body body,
      boolean guardsNamespace) {
    this.module = Objects.requireNonNull(module, "module");
    this.func = Objects.requireNonNull(func, "func");
    this.parameters = List.copyOf(parameters);
    this.support = Objects.requireNonNull(support, "support");
    this.body = Objects.requireNonNull(body, "body");
    this.guardsNamespace = guardsNamespace;
  }

  /**
   * An action on the objects of namespace {@code ns} (default {@code default}): a namespace the guardrails deny
   * fails validation when the document names it, and fails the activity when substitution produced it.
   */
  public static KubernetesActivity namespaced(
      String module, String func, List<Parameter> parameters, KubernetesSupport support, Body body) {
    return new KubernetesActivity(module, func, parameters, support, body, true);
  }

  /** Fails with chaosk8s's {@code message}, or returns false when the probe was told not to raise. */
  public static JsonNode failOrFalse(boolean raise, String message) {
    if (raise) {
      throw new ActivityFailedException(message);
    }
    return BooleanNode.FALSE;
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
  public void validate(ObjectNode arguments, JsonNode extension, Problems problems) {
    JsonNode ns = arguments == null ? null : arguments.get("ns");
    if (!guardsNamespace || Arguments.isPlaceholder(ns)) {
      return;
    }
    try {
      Problems at = ns == null ? problems : problems.at("ns");
      support.deploymentPolicy().narrowedBy(extension)
          .refusal(ns == null || !ns.isString() ? "default" : ns.stringValue()).ifPresent(at::add);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
  }

  @Override
  public JsonNode call(ObjectNode arguments, ActivityContext context) {
    Arguments args = new Arguments(func, arguments);
    if (guardsNamespace) {
      support.policy(context).refusal(args.string("ns", "default")).ifPresent(refusal -> {
        context.audit().record("guardrail", Guardrails.record(Guardrails.NAMESPACE, refusal));
        throw new ActivityFailedException(refusal);
      });
    }
    return body.run(args, support.client(context), context);
  }
}
