package io.chaosfn.kubernetes.statefulset;

import static io.chaosfn.activity.Parameter.optional;
import static io.chaosfn.activity.Parameter.required;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.kubernetes.ApiRequest;
import io.chaosfn.kubernetes.Arguments;
import io.chaosfn.kubernetes.KubernetesActivity;
import io.chaosfn.kubernetes.KubernetesSupport;
import io.chaosfn.kubernetes.Readiness;
import io.chaosfn.kubernetes.Scaling;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.NullNode;

/** {@code scale_statefulset}, {@code statefulset_fully_available} and {@code statefulset_not_fully_available}. */
public final class StatefulSetActivities {
  private final KubernetesSupport support;

  public StatefulSetActivities(KubernetesSupport support) {
    this.support = support;
  }

  public List<NativeActivity> activities() {
    return List.of(
        KubernetesActivity.namespaced("chaosk8s.statefulset.actions", "scale_statefulset",
            List.of(required("name"), required("replicas"), optional("ns")), support, this::scale),
        new KubernetesActivity("chaosk8s.statefulset.probes", "statefulset_fully_available",
            List.of(required("name"), optional("ns"), optional("label_selector"), optional("timeout"),
                optional("raise_on_not_fully_available")), support,
            (a, c, x) -> readiness(a, c, true, a.bool("raise_on_not_fully_available", true))),
        new KubernetesActivity("chaosk8s.statefulset.probes", "statefulset_not_fully_available",
            List.of(required("name"), optional("ns"), optional("label_selector"), optional("timeout"),
                optional("raise_on_fully_available")), support,
            (a, c, x) -> readiness(a, c, false, a.bool("raise_on_fully_available", true))));
  }

  private JsonNode scale(Arguments args, KubernetesClient client, ActivityContext context) {
    String name = args.string("name", null);
    String namespace = args.string("ns", "default");
    Scaling.scale(support, args, ApiRequest.of("patch", "apps", "statefulsets", namespace).named(name),
        (replicas, patch) -> client.apps().statefulSets().inNamespace(namespace).withName(name).patch(
            PatchContext.of(PatchType.JSON_MERGE), patch));
    return NullNode.getInstance();
  }

  private JsonNode readiness(Arguments args, KubernetesClient client, boolean ready, boolean raise) {
    String name = args.string("name", null);
    String namespace = args.string("ns", "default");
    int timeout = args.integer("timeout", 30);
    boolean reached = Readiness.reached(support,
        ApiRequest.of("watch", "apps", "statefulsets", namespace).named(name),
        client.apps().statefulSets().inNamespace(namespace).withName(name), args.optionalString("label_selector"),
        ready, timeout, s -> s.getStatus() == null ? null : s.getStatus().getReadyReplicas(),
        s -> s.getSpec().getReplicas());
    if (reached) {
      return BooleanNode.TRUE;
    }
    return KubernetesActivity.failOrFalse(raise, ready
        ? "microservice '" + name + "' failed to recover within " + timeout + "s"
        : "microservice '" + name + "' failed to stop running within " + timeout + "s");
  }
}
