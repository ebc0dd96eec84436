package io.chaosfn.kubernetes.pod;

import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.kubernetes.Arguments;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * chaosk8s's pod selection (chaostoolkit-semantics §5.2) over a list the API server returned: name pattern
 * (regex search), order, then all, or {@code qty} pods (fixed or percentage), the first ones or a random sample.
 */
record PodSelection(
    Optional<String> labelSelector, Optional<String> namePattern, boolean all, boolean rand, String mode, int qty,
    String order, String namespace) {

  static PodSelection from(Arguments arguments) {
    return new PodSelection(
        arguments.optionalString("label_selector"),
        arguments.optionalString("name_pattern"),
        arguments.bool("all", false),
        arguments.bool("rand", false),
        arguments.string("mode", "fixed"),
        arguments.integer("qty", 1),
        arguments.string("order", "alphabetic"),
        arguments.string("ns", "default"));
  }

  /** chaosk8s's argument checks, with its messages. */
  void checkArguments() {
    if (qty < 0) {
      throw new ActivityFailedException("Cannot select pods. Quantity '" + qty + "' is negative.");
    }
    if (!mode.equals("fixed") && !mode.equals("percentage")) {
      throw new ActivityFailedException("Cannot select pods. Mode '" + mode + "' is invalid.");
    }
    if (!order.equals("alphabetic") && !order.equals("oldest")) {
      throw new ActivityFailedException("Cannot select pods. Order '" + order + "' is invalid.");
    }
    namePattern.ifPresent(PodSelection::compile);
  }

  /** True when neither a label selector nor a name pattern narrows the namespace. */
  boolean unfiltered() {
    return labelSelector.isEmpty() && namePattern.isEmpty();
  }

  /** The pods to act on, from the pods listed in the namespace (already filtered by the label selector). */
  List<Pod> pick(List<Pod> listed, RandomGenerator random) {
    List<Pod> candidates = new ArrayList<>(listed);
    namePattern.map(PodSelection::compile)
        .ifPresent(p -> candidates.removeIf(pod -> !p.matcher(pod.getMetadata().getName()).find()));
    if (order.equals("oldest")) {
      candidates.sort(Comparator.comparing(PodSelection::created));
    }
    if (all) {
      return candidates;
    }
    int count = mode.equals("percentage") ? (int) Math.ceil(qty * candidates.size() / 100.0) : qty;
    count = Math.min(count, candidates.size());
    if (!rand) {
      return List.copyOf(candidates.subList(0, count));
    }
    List<Pod> sample = new ArrayList<>(candidates);
    // a partial Fisher-Yates shuffle: the first `count` slots end up a uniform sample without replacement
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(sample.size() - i);
      Pod swap = sample.get(i);
      sample.set(i, sample.get(j));
      sample.set(j, swap);
    }
    return List.copyOf(sample.subList(0, count));
  }

  private static Instant created(Pod pod) {
    String timestamp = pod.getMetadata().getCreationTimestamp();
    return timestamp == null ? Instant.MAX : Instant.parse(timestamp);
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new ActivityFailedException("name_pattern '" + regex + "' is not a valid regular expression: "
          + e.getDescription(), e);
    }
  }
}
