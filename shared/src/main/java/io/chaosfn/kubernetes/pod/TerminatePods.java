package io.chaosfn.kubernetes.pod;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.activity.Parameter;
import io.chaosfn.experiment.Problems;
import io.chaosfn.kubernetes.ApiRequest;
import io.chaosfn.kubernetes.Arguments;
import io.chaosfn.kubernetes.GuardrailPolicy;
import io.chaosfn.kubernetes.Guardrails;
import io.chaosfn.kubernetes.KubernetesSupport;
import io.chaosfn.kubernetes.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code chaosk8s.pod.actions.terminate_pods} (chaostoolkit-semantics §5.3) and its deprecated form
 * {@code delete_pods(name, ns, label_selector)}, which is terminate_pods with {@code name_pattern = name}.
 *
 * <p>Beyond Chaos Toolkit, the chaosfn guardrails apply: the namespace must be allowed, an unfiltered
 * selection needs an explicit {@code all: true}, every selected pod is re-checked against the namespace and the
 * label selector, and one action deletes at most the policy's pod cap. The journal's {@code chaosfn.activities}
 * entry gets {@code selection}, {@code grace_period} (seconds, or null for each pod's own), any
 * {@code guardrail} that refused, and {@code would_delete} in dry mode.
 */
public final class TerminatePods implements NativeActivity {
  static final List<Parameter> TERMINATE_PARAMETERS = List.of(
      Parameter.optional("label_selector"), Parameter.optional("name_pattern"), Parameter.optional("all"),
      Parameter.optional("rand"), Parameter.optional("mode"), Parameter.optional("qty"),
      Parameter.optional("grace_period"), Parameter.optional("ns"), Parameter.optional("order"));
  static final List<Parameter> DELETE_PARAMETERS = List.of(
      Parameter.optional("name"), Parameter.optional("ns"), Parameter.optional("label_selector"));

  private final String func;
  private final List<Parameter> parameters;
  private final UnaryOperator<ObjectNode> asTerminateArguments;
  private final KubernetesSupport support;
  private final PodDeletion deletion;

  private TerminatePods(
      String func, List<Parameter> parameters, UnaryOperator<ObjectNode> asTerminateArguments,
      KubernetesSupport support) {
    this.func = func;
    this.parameters = parameters;
    this.asTerminateArguments = asTerminateArguments;
    this.support = support;
    this.deletion = new PodDeletion(support);
  }

  public static TerminatePods terminatePods(KubernetesSupport support) {
    return new TerminatePods("terminate_pods", TERMINATE_PARAMETERS, UnaryOperator.identity(), support);
  }

  /** The deprecated {@code delete_pods}: one pod (qty 1) whose name matches {@code name}, as chaosk8s#122. */
  public static TerminatePods deletePods(KubernetesSupport support) {
    return new TerminatePods("delete_pods", DELETE_PARAMETERS, TerminatePods::fromDeletePods, support);
  }

  private static ObjectNode fromDeletePods(ObjectNode arguments) {
    ObjectNode terminate = JsonNodeFactory.instance.objectNode();
    if (arguments != null) {
      copy(arguments, "name", terminate, "name_pattern");
      copy(arguments, "ns", terminate, "ns");
      copy(arguments, "label_selector", terminate, "label_selector");
    }
    return terminate;
  }

  private static void copy(ObjectNode from, String key, ObjectNode to, String as) {
    if (from.has(key)) {
      to.set(as, from.get(key));
    }
  }

  @Override
  public String module() {
    return "chaosk8s.pod.actions";
  }

  @Override
  public String func() {
    return func;
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }

  /**
   * Refuses at validation what the document already decides (decisions.md §1): a denied namespace and an
   * unfiltered selection without {@code all: true}; also an unparseable selector or pattern.
   */
  @Override
  public void validate(ObjectNode arguments, JsonNode extension, Problems problems) {
    ObjectNode terminate = asTerminateArguments.apply(arguments);
    GuardrailPolicy policy;
    try {
      policy = support.deploymentPolicy().narrowedBy(extension);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return;
    }
    JsonNode ns = terminate.get("ns");
    if (!Arguments.isPlaceholder(ns)) {
      String namespace = ns == null || !ns.isString() ? "default" : ns.stringValue();
      Problems at = terminate.has("ns") ? problems.at("ns") : problems;
      policy.refusal(namespace).ifPresent(at::add);
    }
    JsonNode selector = terminate.get("label_selector");
    JsonNode pattern = terminate.get("name_pattern");
    JsonNode all = terminate.get("all");
    if (Arguments.isPlaceholder(selector) || Arguments.isPlaceholder(pattern) || Arguments.isPlaceholder(all)) {
      return;
    }
    if (blank(selector) && blank(pattern) && !(all != null && all.isBoolean() && all.asBoolean())) {
      problems.add(emptySelectorMessage(ns == null || !ns.isString() ? "default" : ns.stringValue()));
    }
    if (selector != null && selector.isString()) {
      try {
        LabelSelector.parse(selector.stringValue());
      } catch (IllegalArgumentException e) {
        problems.at("label_selector").add(e.getMessage());
      }
    }
  }

  private static boolean blank(JsonNode value) {
    return value == null || value.isNull() || (value.isString() && value.stringValue().isEmpty());
  }

  private static String emptySelectorMessage(String namespace) {
    return "no label_selector and no name_pattern would select every pod in namespace '" + namespace
        + "'; set all: true to mean it (chaosfn guardrail)";
  }

  @Override
  public JsonNode call(ObjectNode arguments, ActivityContext context) {
    Plan plan = plan(arguments, context);
    plan.guardrail().ifPresent(g -> {
      throw Guardrails.refuse(context.audit(), g.rule(), g.message());
    });
    List<String> deleted = deletion.delete(plan.client(), plan.selection().namespace(), plan.pods(),
        plan.gracePeriod());
    return PodRecords.names(deleted);
  }

  /** Records what would be deleted, and any guardrail that would refuse; deletes nothing. */
  @Override
  public void dryRun(ObjectNode arguments, ActivityContext context) {
    Plan plan = plan(arguments, context);
    plan.guardrail().ifPresentOrElse(
        g -> context.audit().record("guardrail", Guardrails.record(g.rule(), g.message())),
        () -> context.audit().record("would_delete",
            PodRecords.names(plan.pods().stream().map(p -> p.getMetadata().getName()).toList())));
  }

  /** A guardrail that refused; see {@link Guardrails} for the rules. */
  private record Refusal(String rule, String message) {}

  /** What the action is about to do, decided from the arguments, the guardrails and one list call. */
  private record Plan(
      KubernetesClient client, PodSelection selection, List<Pod> pods, long gracePeriod,
      Optional<Refusal> guardrail) {}

  private Plan plan(ObjectNode rawArguments, ActivityContext context) {
    Arguments arguments = new Arguments(func, asTerminateArguments.apply(rawArguments));
    PodSelection selection = PodSelection.from(arguments);
    selection.checkArguments();
    long gracePeriod = arguments.integer("grace_period", -1);
    context.audit().record("grace_period",
        gracePeriod >= 0 ? JsonNodeFactory.instance.numberNode(gracePeriod) : JsonNodeFactory.instance.nullNode());
    GuardrailPolicy policy = support.policy(context);
    String namespace = selection.namespace();
    Optional<String> namespaceRefusal = policy.refusal(namespace);
    if (namespaceRefusal.isPresent()) {
      return refused(selection, new Refusal(Guardrails.NAMESPACE, namespaceRefusal.get()));
    }
    if (selection.unfiltered() && !selection.all()) {
      return refused(selection, new Refusal(Guardrails.EMPTY_SELECTOR, emptySelectorMessage(namespace)));
    }
    LabelSelector selector = parse(selection.labelSelector());
    KubernetesClient client = support.client(context);
    List<Pod> listed = support.call(ApiRequest.of("list", "", "pods", namespace), () ->
        selection.labelSelector()
            .map(s -> client.pods().inNamespace(namespace).withLabelSelector(s).list())
            .orElseGet(() -> client.pods().inNamespace(namespace).list())
            .getItems());
    List<Pod> picked = selection.pick(listed, support.random());
    context.audit().record("selection", PodRecords.selection(picked, context.clock().instant()));
    return new Plan(client, selection, picked, gracePeriod, recheck(picked, namespace, selector, policy));
  }

  private static Plan refused(PodSelection selection, Refusal guardrail) {
    return new Plan(null, selection, List.of(), -1, Optional.of(guardrail));
  }

  /**
   * The selected pods must really be in the namespace and match the label selector: the API server is trusted
   * to filter, not to be right (the fabric8 mock, for one, ignores set-based requirements).
   */
  private static Optional<Refusal> recheck(
      List<Pod> picked, String namespace, LabelSelector selector, GuardrailPolicy policy) {
    for (Pod pod : picked) {
      String name = pod.getMetadata().getName();
      if (!namespace.equals(pod.getMetadata().getNamespace())) {
        return Optional.of(new Refusal(Guardrails.RECHECK, "pod '" + name + "' is in namespace '"
            + pod.getMetadata().getNamespace() + "', not '" + namespace + "': refusing to delete (chaosfn guardrail)"));
      }
      if (!selector.matches(pod.getMetadata().getLabels())) {
        return Optional.of(new Refusal(Guardrails.RECHECK, "pod '" + name + "' does not match label selector '"
            + selector.text() + "' although the API server returned it: refusing to delete (chaosfn guardrail)"));
      }
    }
    if (picked.size() > policy.maxPodsPerAction()) {
      return Optional.of(new Refusal(Guardrails.MAX_PODS, "the selection has " + picked.size()
          + " pods, more than the " + policy.maxPodsPerAction()
          + " one action may delete: refusing to delete any (chaosfn guardrail)"));
    }
    return Optional.empty();
  }

  private static LabelSelector parse(Optional<String> selector) {
    try {
      return selector.map(LabelSelector::parse).orElse(LabelSelector.everything());
    } catch (IllegalArgumentException e) {
      throw new ActivityFailedException(e.getMessage(), e);
    }
  }
}
