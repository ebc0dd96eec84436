package io.chaosfn.kubernetes.pod;

import static io.chaosfn.activity.Parameter.optional;
import static io.chaosfn.activity.Parameter.required;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.activity.Parameter;
import io.chaosfn.kubernetes.ApiRequest;
import io.chaosfn.kubernetes.Arguments;
import io.chaosfn.kubernetes.KubernetesActivity;
import io.chaosfn.kubernetes.KubernetesSupport;
import io.chaosfn.kubernetes.Listing;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.IntNode;

/**
 * The probes of {@code chaosk8s.pod.probes} that read pod phases and conditions (chaostoolkit-semantics §5.4),
 * with chaosk8s's messages and {@code raise_on_*} switches.
 */
public final class PodProbes {
  static final String MODULE = "chaosk8s.pod.probes";

  private final KubernetesSupport support;

  public PodProbes(KubernetesSupport support) {
    this.support = support;
  }

  public List<NativeActivity> activities() {
    return List.of(
        probe("pods_in_phase", List.of(required("label_selector"), optional("phase"), optional("ns"),
            optional("raise_on_invalid_phase")), this::podsInPhase),
        probe("pods_not_in_phase", List.of(required("label_selector"), optional("phase"), optional("ns"),
            optional("raise_on_in_phase")), this::podsNotInPhase),
        probe("pods_in_conditions", List.of(required("label_selector"), required("conditions"), optional("ns"),
            optional("raise_on_invalid_conditions")), this::podsInConditions),
        probe("count_pods", List.of(required("label_selector"), optional("phase"), optional("ns")),
            (args, client, context) -> IntNode.valueOf(countPods(args, client, null))),
        probe("count_min_pods", List.of(required("label_selector"), optional("phase"), optional("min_count"),
            optional("ns")), (args, client, context) -> BooleanNode.valueOf(
                countPods(args, client, "Running") >= args.integer("min_count", 2))),
        probe("pod_is_not_available", List.of(required("name"), optional("ns"), optional("label_selector"),
            optional("raise_on_is_available")), this::podIsNotAvailable),
        probe("all_pods_healthy", List.of(optional("ns"), optional("raise_on_any_unhealthy")),
            this::allPodsHealthy));
  }

  private NativeActivity probe(String func, List<Parameter> parameters,
      KubernetesActivity.Body body) {
    return new KubernetesActivity(MODULE, func, parameters, support, body);
  }

  /** Pods in {@code ns} matching {@code label_selector} (all pods when it is empty), as chaosk8s lists them. */
  List<Pod> list(KubernetesClient client, String namespace, Optional<String> labelSelector) {
    List<Pod> pods = support.call(ApiRequest.of("list", "", "pods", namespace), () ->
        labelSelector.map(s -> client.pods().inNamespace(namespace).withLabelSelector(s).list())
            .orElseGet(() -> client.pods().inNamespace(namespace).list()).getItems());
    return Listing.matching(pods, labelSelector);
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }

  private JsonNode podsInPhase(Arguments args, KubernetesClient client, ActivityContext c) {
    String selector = args.string("label_selector", null);
    String phase = args.string("phase", "Running");
    boolean raise = args.bool("raise_on_invalid_phase", true);
    List<Pod> pods = list(client, args.string("ns", "default"), args.optionalString("label_selector"));
    if (pods.isEmpty()) {
      return KubernetesActivity.failOrFalse(raise, "no pods '" + selector + "' were found");
    }
    for (Pod pod : pods) {
      if (!Objects.equals(phase(pod), phase)) {
        return KubernetesActivity.failOrFalse(raise, "pod '" + selector + "' is in phase '" + phase(pod) + "' but should be '" + phase + "'");
      }
    }
    return BooleanNode.TRUE;
  }

  private JsonNode podsNotInPhase(Arguments args, KubernetesClient client, ActivityContext c) {
    String selector = args.string("label_selector", null);
    String phase = args.string("phase", "Running");
    boolean raise = args.bool("raise_on_in_phase", true);
    List<Pod> pods = list(client, args.string("ns", "default"), args.optionalString("label_selector"));
    if (pods.isEmpty()) {
      return KubernetesActivity.failOrFalse(raise, "no pods '" + selector + "' were found");
    }
    for (Pod pod : pods) {
      if (Objects.equals(phase(pod), phase)) {
        return KubernetesActivity.failOrFalse(raise, "pod '" + selector + "' should not be in phase '" + phase(pod) + "'");
      }
    }
    return BooleanNode.TRUE;
  }

  private JsonNode podsInConditions(Arguments args, KubernetesClient client, ActivityContext c) {
    String selector = args.string("label_selector", null);
    boolean raise = args.bool("raise_on_invalid_conditions", true);
    JsonNode conditions = args.node("conditions");
    if (conditions == null || !conditions.isArray()) {
      throw new ActivityFailedException("argument 'conditions' of pods_in_conditions must be a list of "
          + "{type, status} objects, found " + conditions);
    }
    List<Pod> pods = list(client, args.string("ns", "default"), args.optionalString("label_selector"));
    if (pods.isEmpty()) {
      return KubernetesActivity.failOrFalse(raise, "no pods '" + selector + "' were found");
    }
    for (Pod pod : pods) {
      List<PodCondition> present = pod.getStatus() == null || pod.getStatus().getConditions() == null
          ? List.of() : pod.getStatus().getConditions();
      for (JsonNode wanted : conditions.values()) {
        String type = wanted.path("type").asString(null);
        String status = wanted.path("status").asString(null);
        boolean found = present.stream()
            .anyMatch(pc -> Objects.equals(pc.getType(), type) && Objects.equals(pc.getStatus(), status));
        if (!found) {
          return KubernetesActivity.failOrFalse(raise, "pod " + pod.getMetadata().getName()
              + " does not match the following given condition: " + pythonDict(type, status));
        }
      }
    }
    return BooleanNode.TRUE;
  }

  /** The condition as Python prints a dict, so the message reads as chaosk8s's. */
  private static String pythonDict(String type, String status) {
    return "{'type': '" + type + "', 'status': '" + status + "'}";
  }

  private int countPods(Arguments args, KubernetesClient client, String defaultPhase) {
    Optional<String> phase = Optional.ofNullable(args.string("phase", defaultPhase)).filter(p -> !p.isEmpty());
    List<Pod> pods = list(client, args.string("ns", "default"), args.optionalString("label_selector"));
    return (int) pods.stream().filter(p -> phase.isEmpty() || phase.get().equals(phase(p))).count();
  }

  private JsonNode podIsNotAvailable(Arguments args, KubernetesClient client, ActivityContext c) {
    String name = args.string("name", null);
    Optional<String> selector = Optional.of(args.string("label_selector", "name in ({name})").replace("{name}",
        String.valueOf(name))).filter(s -> !s.isEmpty());
    boolean raise = args.bool("raise_on_is_available", true);
    for (Pod pod : list(client, args.string("ns", "default"), selector)) {
      if ("Running".equals(phase(pod))) {
        return KubernetesActivity.failOrFalse(raise, "pod '" + name + "' is actually running");
      }
    }
    return BooleanNode.TRUE;
  }

  private JsonNode allPodsHealthy(Arguments args, KubernetesClient client, ActivityContext c) {
    boolean raise = args.bool("raise_on_any_unhealthy", true);
    for (Pod pod : list(client, args.string("ns", "default"), Optional.empty())) {
      String phase = phase(pod);
      if (!"Running".equals(phase) && !"Succeeded".equals(phase)) {
        return KubernetesActivity.failOrFalse(raise, "the system is unhealthy");
      }
    }
    return BooleanNode.TRUE;
  }
}
