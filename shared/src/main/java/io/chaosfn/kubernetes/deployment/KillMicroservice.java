package io.chaosfn.kubernetes.deployment;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.kubernetes.ApiRequest;
import io.chaosfn.kubernetes.Arguments;
import io.chaosfn.kubernetes.KubernetesSupport;
import io.chaosfn.kubernetes.Listing;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The deprecated {@code chaosk8s.actions.kill_microservice(name, ns)}: deletes the deployments, then the replica
 * sets, then the pods labelled {@code name in (<name>)}. Each list is re-filtered client-side, so a server
 * that ignores the set-based selector cannot make it delete everything in the namespace.
 */
final class KillMicroservice {
  private final KubernetesSupport support;

  KillMicroservice(KubernetesSupport support) {
    this.support = support;
  }

  JsonNode run(Arguments args, KubernetesClient client, ActivityContext context) {
    String namespace = args.string("ns", "default");
    Optional<String> selector = Optional.of("name in (" + args.string("name", null) + ")");
    deleteAll(client.apps().deployments(), "apps", "deployments", namespace, selector);
    deleteAll(client.apps().replicaSets(), "apps", "replicasets", namespace, selector);
    deleteAll(client.pods(), "", "pods", namespace, selector);
    return NullNode.getInstance();
  }

  private <T extends HasMetadata, L extends KubernetesResourceList<T>> void deleteAll(
      MixedOperation<T, L, ? extends Resource<T>> operation, String group, String resource, String namespace,
      Optional<String> selector) {
    List<T> listed = support.call(ApiRequest.of("list", group, resource, namespace), () ->
        operation.inNamespace(namespace).withLabelSelector(selector.get()).list().getItems());
    for (T item : Listing.matching(listed, selector)) {
      String name = item.getMetadata().getName();
      support.call(ApiRequest.of("delete", group, resource, namespace).named(name), () ->
          operation.inNamespace(namespace).withName(name).delete());
    }
  }
}
