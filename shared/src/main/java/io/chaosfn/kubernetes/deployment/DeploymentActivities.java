package io.chaosfn.kubernetes.deployment;

import static io.chaosfn.activity.Parameter.optional;
import static io.chaosfn.activity.Parameter.required;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.activity.Parameter;
import io.chaosfn.kubernetes.ApiRequest;
import io.chaosfn.kubernetes.Arguments;
import io.chaosfn.kubernetes.KubernetesActivity;
import io.chaosfn.kubernetes.KubernetesSupport;
import io.chaosfn.kubernetes.Listing;
import io.chaosfn.kubernetes.Readiness;
import io.chaosfn.kubernetes.Scaling;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.NullNode;

/**
 * {@code chaosk8s.deployment.probes} and {@code chaosk8s.deployment.actions} (chaostoolkit-semantics §5.5), and
 * the deprecated names in {@code chaosk8s.probes} and {@code chaosk8s.actions} that still appear in experiments.
 */
public final class DeploymentActivities {
  static final String PROBES = "chaosk8s.deployment.probes";
  static final String ACTIONS = "chaosk8s.deployment.actions";
  static final String OLD_PROBES = "chaosk8s.probes";
  static final String OLD_ACTIONS = "chaosk8s.actions";

  private final KubernetesSupport support;

  public DeploymentActivities(KubernetesSupport support) {
    this.support = support;
  }

  public List<NativeActivity> activities() {
    List<Parameter> lookup = List.of(required("name"), optional("ns"), optional("label_selector"));
    return List.of(
        probe(PROBES, "deployment_available_and_healthy", with(lookup, "raise_on_unavailable"),
            (a, c, x) -> availableAndHealthy(a, c, a.bool("raise_on_unavailable", true))),
        probe(PROBES, "deployment_partially_available", with(lookup, "raise_on_not_partially_available"),
            this::partiallyAvailable),
        probe(PROBES, "deployment_fully_available", with(lookup, "timeout", "raise_on_not_fully_available"),
            (a, c, x) -> readiness(a, c, true, a.bool("raise_on_not_fully_available", true))),
        probe(PROBES, "deployment_not_fully_available", with(lookup, "timeout", "raise_on_fully_available"),
            (a, c, x) -> readiness(a, c, false, a.bool("raise_on_fully_available", true))),
        action(ACTIONS, "scale_deployment", List.of(required("name"), required("replicas"), optional("ns")),
            this::scale),
        action(ACTIONS, "rollout_deployment", List.of(required("name"), optional("ns")), this::rollout),
        action(ACTIONS, "delete_deployment", List.of(optional("name"), optional("ns"), optional("label_selector")),
            this::delete),
        // CTK difference: chaosk8s's alias returns None on success since 2020, so `tolerance: true` never
        // matched; chaosfn returns true (chaostoolkit-semantics §5.5 recommends it; docs/compatibility.md)
        probe(OLD_PROBES, "microservice_available_and_healthy", lookup,
            (a, c, x) -> availableAndHealthy(a, c, true)),
        probe(OLD_PROBES, "deployment_is_fully_available", with(lookup, "timeout"),
            (a, c, x) -> readiness(a, c, true, true)),
        probe(OLD_PROBES, "deployment_is_not_fully_available", with(lookup, "timeout"),
            (a, c, x) -> readiness(a, c, false, true)),
        action(OLD_ACTIONS, "scale_microservice", List.of(required("name"), required("replicas"), optional("ns")),
            this::scale),
        action(OLD_ACTIONS, "kill_microservice", List.of(required("name"), optional("ns")),
            new KillMicroservice(support)::run));
  }

  private static List<Parameter> with(List<Parameter> base, String... optionals) {
    List<Parameter> all = new ArrayList<>(base);
    for (String name : optionals) {
      all.add(optional(name));
    }
    return all;
  }

  private NativeActivity probe(String module, String func, List<Parameter> parameters, KubernetesActivity.Body b) {
    return new KubernetesActivity(module, func, parameters, support, b);
  }

  private NativeActivity action(String module, String func, List<Parameter> parameters, KubernetesActivity.Body b) {
    return KubernetesActivity.namespaced(module, func, parameters, support, b);
  }

  private List<Deployment> lookup(Arguments args, KubernetesClient client) {
    String name = args.string("name", null);
    String namespace = args.string("ns", "default");
    Optional<String> selector = args.optionalString("label_selector");
    List<Deployment> named = support.call(ApiRequest.of("list", "apps", "deployments", namespace), () ->
        client.apps().deployments().inNamespace(namespace).withField("metadata.name", name).list().getItems());
    return Listing.matching(named, selector);
  }

  private JsonNode availableAndHealthy(Arguments args, KubernetesClient client, boolean raise) {
    String name = args.string("name", null);
    List<Deployment> deployments = lookup(args, client);
    if (deployments.isEmpty()) {
      return KubernetesActivity.failOrFalse(raise, "Deployment '" + name + "' was not found");
    }
    for (Deployment d : deployments) {
      if (!Objects.equals(d.getStatus() == null ? null : d.getStatus().getAvailableReplicas(),
          d.getSpec().getReplicas())) {
        return KubernetesActivity.failOrFalse(raise, "Deployment '" + name + "' is not healthy");
      }
    }
    return BooleanNode.TRUE;
  }

  private JsonNode partiallyAvailable(Arguments args, KubernetesClient client, ActivityContext context) {
    String name = args.string("name", null);
    boolean raise = args.bool("raise_on_not_partially_available", true);
    List<Deployment> deployments = lookup(args, client);
    if (deployments.isEmpty()) {
      return KubernetesActivity.failOrFalse(raise, "Deployment '" + name + "' was not found");
    }
    Integer available = deployments.get(0).getStatus() == null
        ? null : deployments.get(0).getStatus().getAvailableReplicas();
    return available != null && available >= 1 ? BooleanNode.TRUE
        : KubernetesActivity.failOrFalse(raise, "Deployment '" + name + "' is not healthy");
  }

  private JsonNode readiness(Arguments args, KubernetesClient client, boolean ready, boolean raise) {
    String name = args.string("name", null);
    String namespace = args.string("ns", "default");
    int timeout = args.integer("timeout", 30);
    boolean reached = Readiness.reached(support, ApiRequest.of("watch", "apps", "deployments", namespace).named(name),
        client.apps().deployments().inNamespace(namespace).withName(name), args.optionalString("label_selector"),
        ready, timeout, d -> d.getStatus() == null ? null : d.getStatus().getReadyReplicas(),
        d -> d.getSpec().getReplicas());
    if (reached) {
      return BooleanNode.TRUE;
    }
    return KubernetesActivity.failOrFalse(raise, ready ? "deployment '" + name + "' failed to recover within " + timeout + "s"
        : "deployment '" + name + "' failed to stop running within " + timeout + "s");
  }

  private JsonNode scale(Arguments args, KubernetesClient client, ActivityContext context) {
    String name = args.string("name", null);
    String namespace = args.string("ns", "default");
    Scaling.scale(support, args, ApiRequest.of("patch", "apps", "deployments", namespace).named(name),
        (replicas, patch) -> client.apps().deployments().inNamespace(namespace).withName(name).patch(
            PatchContext.of(PatchType.JSON_MERGE), patch));
    return NullNode.getInstance();
  }

  private JsonNode rollout(Arguments args, KubernetesClient client, ActivityContext context) {
    String name = args.string("name", null);
    String namespace = args.string("ns", "default");
    // CTK difference: chaosk8s writes "+00:00Z" (isoformat plus a literal Z); an ISO instant is what kubectl writes
    String now = DateTimeFormatter.ISO_INSTANT.format(context.clock().instant());
    String patch = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\""
        + now + "\"}}}}}";
    support.call(ApiRequest.of("patch", "apps", "deployments", namespace).named(name), () ->
        client.apps().deployments().inNamespace(namespace).withName(name)
            .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
    return NullNode.getInstance();
  }

  private JsonNode delete(Arguments args, KubernetesClient client, ActivityContext context) {
    String namespace = args.string("ns", "default");
    Optional<String> name = args.optionalString("name");
    Optional<String> selector = args.optionalString("label_selector");
    List<Deployment> listed = support.call(ApiRequest.of("list", "apps", "deployments", namespace), () -> {
      var deployments = client.apps().deployments().inNamespace(namespace);
      if (name.isPresent()) {
        return deployments.withField("metadata.name", name.get()).list().getItems();
      }
      return selector.map(s -> deployments.withLabelSelector(s).list()).orElseGet(deployments::list).getItems();
    });
    for (Deployment d : Listing.matching(listed, name.isPresent() ? Optional.empty() : selector)) {
      String target = d.getMetadata().getName();
      support.call(ApiRequest.of("delete", "apps", "deployments", namespace).named(target), () ->
          client.apps().deployments().inNamespace(namespace).withName(target).delete());
    }
    return NullNode.getInstance();
  }
}
