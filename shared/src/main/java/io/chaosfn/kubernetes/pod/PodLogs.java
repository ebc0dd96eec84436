package io.chaosfn.kubernetes.pod;

import static io.chaosfn.activity.Parameter.optional;
import static io.chaosfn.activity.Parameter.required;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.kubernetes.ApiRequest;
import io.chaosfn.kubernetes.Arguments;
import io.chaosfn.kubernetes.KubernetesActivity;
import io.chaosfn.kubernetes.KubernetesSupport;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.BytesLimitTerminateTimeTailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code read_pod_logs} (pod name → logs with timestamps, optionally only the {@code last} "10 minutes") and the
 * {@code should_be_found_in_logs} tolerance that searches its output.
 */
public final class PodLogs {
  private static final Pattern DELTA = Pattern.compile(
      "(\\d+)\\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days)(\\s+ago)?");
  private static final Map<Character, Duration> UNITS = Map.of(
      's', Duration.ofSeconds(1), 'm', Duration.ofMinutes(1), 'h', Duration.ofHours(1), 'd', Duration.ofDays(1));

  private final PodProbes pods;
  private final KubernetesSupport support;

  public PodLogs(KubernetesSupport support) {
    this.support = support;
    this.pods = new PodProbes(support);
  }

  public List<NativeActivity> activities() {
    return List.of(
        new KubernetesActivity(PodProbes.MODULE, "read_pod_logs", List.of(optional("name"), optional("last"),
            optional("ns"), optional("from_previous"), optional("label_selector"), optional("container_name")),
            support, this::readPodLogs),
        new KubernetesActivity(PodProbes.MODULE, "should_be_found_in_logs", List.of(required("pattern"),
            optional("all_containers"), optional("value")), support, PodLogs::shouldBeFoundInLogs));
  }

  /**
   * The human deltas chaosk8s hands to dateparser ({@code "10 minutes"}, {@code "35s"}, {@code "1 hour ago"}).
   *
   * @throws ActivityFailedException when the text is not such a delta
   */
  static Duration parseLast(String last) {
    Matcher m = DELTA.matcher(last.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new ActivityFailedException("argument 'last' of read_pod_logs must be a delta such as '10 minutes' or "
          + "'35s', found '" + last + "'");
    }
    return UNITS.get(m.group(2).charAt(0)).multipliedBy(Long.parseLong(m.group(1)));
  }

  private JsonNode readPodLogs(Arguments args, KubernetesClient client, ActivityContext context) {
    String name = args.string("name", null);
    String namespace = args.string("ns", "default");
    Optional<String> selector = Optional.of(args.string("label_selector", "name in ({name})")
        .replace("{name}", String.valueOf(name))).filter(s -> !s.isEmpty());
    Optional<Duration> since = args.optionalString("last").map(PodLogs::parseLast);
    boolean previous = args.bool("from_previous", false);
    Optional<String> container = args.optionalString("container_name");
    ObjectNode logs = JsonNodeFactory.instance.objectNode();
    for (Pod pod : pods.list(client, namespace, selector)) {
      String podName = pod.getMetadata().getName();
      ApiRequest request = ApiRequest.of("get", "", "pods/log", namespace).named(podName);
      String log = support.call(request, () -> {
        PodResource target = client.pods().inNamespace(namespace).withName(podName);
        ContainerResource resource = container.isPresent() ? target.inContainer(container.get()) : target;
        BytesLimitTerminateTimeTailPrettyLoggable stamped = resource.usingTimestamps();
        TimeTailPrettyLoggable chosen = previous ? stamped.terminated() : stamped;
        Loggable window = since.isPresent() ? chosen.sinceSeconds((int) since.get().toSeconds()) : chosen;
        return window.getLog();
      });
      logs.put(podName, log);
    }
    return logs;
  }

  private static JsonNode shouldBeFoundInLogs(Arguments args, KubernetesClient client, ActivityContext context) {
    Pattern pattern = Pattern.compile(args.string("pattern", ""));
    boolean allContainers = args.bool("all_containers", true);
    JsonNode value = args.node("value");
    if (value == null || !value.isObject() || value.isEmpty()) {
      return BooleanNode.FALSE;
    }
    for (var entry : value.properties()) {
      boolean found = pattern.matcher(entry.getValue().asString("")).find();
      if (found && !allContainers) {
        return BooleanNode.TRUE;
      }
      if (!found && allContainers) {
        return BooleanNode.FALSE;
      }
    }
    return BooleanNode.valueOf(allContainers);
  }
}
