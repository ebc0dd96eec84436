package io.chaosfn.flow;

import io.chaosfn.experiment.Activity;
import io.chaosfn.experiment.Experiment;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * What a run locks (architecture.md, data model): the {@code chaosfn} extension's {@code target} when given;
 * else {@code <cluster>/<namespace>} for each namespace the chaosk8s activities touch, in sorted order so two
 * runs never take the same locks in opposite orders; else the experiment id.
 */
final class LockTargets {
  /** chaosk8s's own default when an activity names no namespace. */
  private static final String DEFAULT_NAMESPACE = "default";
  /** A namespace given as a {@code ${...}} placeholder is only known at run time: lock the whole cluster. */
  private static final String ANY_NAMESPACE = "*";

  private LockTargets() {}

  /** @param cluster the deployment's cluster name, or null when it has none */
  static List<String> of(Experiment experiment, String cluster, String experimentId) {
    JsonNode target = experiment.extension().path("target");
    if (target.isString() && !target.asString().isBlank()) {
      return List.of(target.asString());
    }
    String clusterName = cluster == null ? DEFAULT_NAMESPACE : cluster;
    if (target.isObject()) {
      return List.of(target.path("cluster").asString(clusterName) + "/"
          + target.path("namespace").asString(DEFAULT_NAMESPACE));
    }
    List<Activity> activities = new ArrayList<>(experiment.method());
    activities.addAll(experiment.rollbacks());
    experiment.steadyState().ifPresent(h -> activities.addAll(h.probes()));
    SortedSet<String> namespaces = new TreeSet<>();
    for (Activity activity : activities) {
      JsonNode provider = activity.provider();
      if (provider != null && "python".equals(activity.providerType())
          && provider.path("module").asString("").startsWith("chaosk8s")) {
        JsonNode ns = provider.path("arguments").path("ns");
        String namespace = ns.isString() ? ns.asString() : DEFAULT_NAMESPACE;
        namespaces.add(namespace.contains("${") ? ANY_NAMESPACE : namespace);
      }
    }
    if (namespaces.isEmpty()) {
      return List.of(experimentId);
    }
    return namespaces.stream().map(namespace -> clusterName + "/" + namespace).toList();
  }
}
