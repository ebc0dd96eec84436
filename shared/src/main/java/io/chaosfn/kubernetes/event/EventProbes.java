package io.chaosfn.kubernetes.event;

import static io.chaosfn.activity.Parameter.optional;

import io.chaosfn.Json;
import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.kubernetes.ApiRequest;
import io.chaosfn.kubernetes.Arguments;
import io.chaosfn.kubernetes.KubernetesActivity;
import io.chaosfn.kubernetes.KubernetesSupport;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code chaosk8s.event.probes.get_events(label_selector, limit)}: the {@code events.k8s.io/v1} event list
 * across all namespaces, returned as the API's JSON (so it needs the ClusterRole variant of the RBAC).
 */
public final class EventProbes {

  private final KubernetesSupport support;

  public EventProbes(KubernetesSupport support) {
    this.support = support;
  }

  public List<NativeActivity> activities() {
    return List.of(new KubernetesActivity("chaosk8s.event.probes", "get_events",
        List.of(optional("label_selector"), optional("limit")), support, this::getEvents));
  }

  private JsonNode getEvents(Arguments args, KubernetesClient client, ActivityContext context) {
    ListOptionsBuilder options = new ListOptionsBuilder().withLimit((long) args.integer("limit", 100));
    args.optionalString("label_selector").ifPresent(options::withLabelSelector);
    String json = support.call(ApiRequest.of("list", "events.k8s.io", "events", null), () ->
        client.getKubernetesSerialization().asJson(
            client.events().v1().events().inAnyNamespace().list(options.build())));
    return Json.MAPPER.readTree(json);
  }
}
