package io.chaosfn.kubernetes;

import io.chaosfn.activity.ActivityFailedException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * Filters what a list call returned by its label selector, client-side, so probes give the same answer
 * whether or not the API server understood every requirement (the fabric8 mock ignores set-based ones, which
 * chaosk8s's default {@code name in ({name})} selectors use).
 */
public final class Listing {
  private Listing() {}

  public static <T extends HasMetadata> List<T> matching(List<T> items, Optional<String> labelSelector) {
    if (labelSelector.isEmpty()) {
      return items;
    }
    LabelSelector selector = parse(labelSelector.get());
    return items.stream().filter(i -> selector.matches(i.getMetadata().getLabels())).toList();
  }

  public static LabelSelector parse(String labelSelector) {
    try {
      return LabelSelector.parse(labelSelector);
    } catch (IllegalArgumentException e) {
      throw new ActivityFailedException(e.getMessage(), e);
    }
  }
}
