package io.chaosfn.kubernetes.pod;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The journal's record of selected pods (decisions.md §2): name, uid, node and age of each. */
final class PodRecords {
  private PodRecords() {}

  /** One object per pod; {@code age} is an ISO-8601 duration since the pod's creation, null when unknown. */
  static ArrayNode selection(Collection<Pod> pods, Instant now) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (Pod pod : pods) {
      ObjectNode item = list.addObject();
      item.put("name", pod.getMetadata().getName());
      item.put("uid", pod.getMetadata().getUid());
      item.put("node", pod.getSpec() == null ? null : pod.getSpec().getNodeName());
      String created = pod.getMetadata().getCreationTimestamp();
      item.put("age", created == null ? null : Duration.between(Instant.parse(created), now).toString());
    }
    return list;
  }

  static ArrayNode names(Collection<String> names) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    names.forEach(list::add);
    return list;
  }
}
