package io.chaosfn.kubernetes.service;

import static io.chaosfn.activity.Parameter.optional;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.kubernetes.ApiRequest;
import io.chaosfn.kubernetes.Arguments;
import io.chaosfn.kubernetes.KubernetesActivity;
import io.chaosfn.kubernetes.KubernetesSupport;
import io.chaosfn.kubernetes.Listing;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;

/** {@code chaosk8s.service.probes.service_is_initialized}: the service exists (by name, labels, or both). */
public final class ServiceProbes {
  private final KubernetesSupport support;

  public ServiceProbes(KubernetesSupport support) {
    this.support = support;
  }

  public List<NativeActivity> activities() {
    return List.of(new KubernetesActivity("chaosk8s.service.probes", "service_is_initialized",
        List.of(optional("name"), optional("ns"), optional("label_selector"),
            optional("raise_if_service_not_initialized")), support, this::serviceIsInitialized));
  }

  private JsonNode serviceIsInitialized(Arguments args, KubernetesClient client, ActivityContext context) {
    Optional<String> name = args.optionalString("name");
    String namespace = args.string("ns", "default");
    Optional<String> selector = args.optionalString("label_selector");
    List<Service> services = support.call(ApiRequest.of("list", "", "services", namespace), () -> {
      var listed = client.services().inNamespace(namespace);
      var byName = name.map(n -> listed.withField("metadata.name", n));
      if (selector.isPresent()) {
        return byName.map(f -> f.withLabelSelector(selector.get()))
            .orElseGet(() -> listed.withLabelSelector(selector.get())).list().getItems();
      }
      return byName.map(f -> f.list()).orElseGet(listed::list).getItems();
    });
    if (Listing.matching(services, selector).isEmpty()) {
      return KubernetesActivity.failOrFalse(args.bool("raise_if_service_not_initialized", true),
          "service '" + name.orElse("None") + "' is not initialized");
    }
    return BooleanNode.TRUE;
  }
}
