package io.chaosfn.kubernetes;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Blast-radius limits for Kubernetes actions, beyond anything Chaos Toolkit checks (decisions.md §1, §4). The
 * deployment sets the outer policy (from its environment); an experiment's {@code chaosfn} extension
 * ({@code guardrails: {allowed_namespaces, denied_namespaces, max_pods_per_action}}) can only narrow it:
 * allowed namespaces intersect, denied namespaces add up, the pod cap takes the lower value.
 *
 * @param allowedNamespaces namespaces actions may touch; {@link #ANY_NAMESPACE} allows all that are not denied,
 *     an empty set allows none (what an experiment gets when its list and the deployment's do not overlap)
 * @param deniedNamespaces namespaces actions never touch, whatever else allows them
 * @param maxPodsPerAction how many pods one action may delete
 */
public record GuardrailPolicy(Set<String> allowedNamespaces, Set<String> deniedNamespaces, int maxPodsPerAction) {
  /** The wildcard in {@link #allowedNamespaces}. */
  public static final String ANY_NAMESPACE = "*";

  /** The namespaces of the control plane, denied unless a deployment explicitly lifts it. */
  public static final Set<String> SYSTEM_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease");

  /**
   * Large enough for every replica of a typical workload, small enough to stop an {@code all: true} that was
   * meant for one deployment from emptying a whole namespace.
   */
  public static final int DEFAULT_MAX_PODS_PER_ACTION = 100;

  public GuardrailPolicy {
    allowedNamespaces = Set.copyOf(allowedNamespaces);
    deniedNamespaces = Set.copyOf(deniedNamespaces);
    if (maxPodsPerAction < 1) {
      throw new IllegalArgumentException("max pods per action must be at least 1, found " + maxPodsPerAction);
    }
  }

  /** Any namespace but the system ones, at most {@value #DEFAULT_MAX_PODS_PER_ACTION} pods per action. */
  public static GuardrailPolicy defaults() {
    return new GuardrailPolicy(Set.of(ANY_NAMESPACE), SYSTEM_NAMESPACES, DEFAULT_MAX_PODS_PER_ACTION);
  }

  /**
   * Narrows this policy with the {@code guardrails} of an experiment's {@code chaosfn} extension (missing or
   * without guardrails: this policy unchanged).
   *
   * @throws IllegalArgumentException naming the field, when a guardrail value has the wrong shape
   */
  public GuardrailPolicy narrowedBy(JsonNode extension) {
    JsonNode guardrails = extension == null ? null : extension.get("guardrails");
    if (guardrails == null || guardrails.isNull() || guardrails.isMissingNode()) {
      return this;
    }
    if (!guardrails.isObject()) {
      throw new IllegalArgumentException("chaosfn extension 'guardrails' must be an object");
    }
    Set<String> allowed = allowedNamespaces;
    Optional<Set<String>> experimentAllowed = names(guardrails, "allowed_namespaces");
    if (experimentAllowed.isPresent()) {
      allowed = intersect(allowedNamespaces, experimentAllowed.get());
    }
    Set<String> denied = new TreeSet<>(deniedNamespaces);
    names(guardrails, "denied_namespaces").ifPresent(denied::addAll);
    int max = maxPodsPerAction;
    JsonNode cap = guardrails.get("max_pods_per_action");
    if (cap != null && !cap.isNull()) {
      if (!cap.isIntegralNumber() || cap.asLong() < 1) {
        throw new IllegalArgumentException(
            "chaosfn extension 'guardrails.max_pods_per_action' must be a positive integer, found " + cap);
      }
      max = (int) Math.min(max, cap.asLong());
    }
    return new GuardrailPolicy(allowed, denied, max);
  }

  /** Why {@code namespace} may not be touched, or empty when it may. */
  public Optional<String> refusal(String namespace) {
    if (deniedNamespaces.contains(namespace)) {
      return Optional.of("namespace '" + namespace + "' is denied by the chaosfn guardrails (denied: "
          + sorted(deniedNamespaces) + ")");
    }
    if (!allowedNamespaces.contains(ANY_NAMESPACE) && !allowedNamespaces.contains(namespace)) {
      return Optional.of("namespace '" + namespace + "' is not among the namespaces the chaosfn guardrails allow "
          + sorted(allowedNamespaces));
    }
    return Optional.empty();
  }

  private static Set<String> intersect(Set<String> outer, Set<String> inner) {
    if (outer.contains(ANY_NAMESPACE)) {
      return inner;
    }
    if (inner.contains(ANY_NAMESPACE)) {
      return outer;
    }
    Set<String> both = new TreeSet<>(outer);
    both.retainAll(inner);
    return both;
  }

  private static Optional<Set<String>> names(JsonNode guardrails, String field) {
    JsonNode list = guardrails.get(field);
    if (list == null || list.isNull()) {
      return Optional.empty();
    }
    Set<String> names = new TreeSet<>();
    if (list.isArray()) {
      for (JsonNode item : list.values()) {
        if (!item.isString()) {
          throw new IllegalArgumentException(
              "chaosfn extension 'guardrails." + field + "' must be a list of namespace names, found " + list);
        }
        names.add(item.stringValue());
      }
      return Optional.of(names);
    }
    throw new IllegalArgumentException(
        "chaosfn extension 'guardrails." + field + "' must be a list of namespace names, found " + list);
  }

  private static String sorted(Collection<String> names) {
    return new TreeSet<>(Objects.requireNonNull(names)).toString();
  }
}
