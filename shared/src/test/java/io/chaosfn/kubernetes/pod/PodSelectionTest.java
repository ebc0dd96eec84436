package io.chaosfn.kubernetes.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.kubernetes.TestClusters;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PodSelectionTest {
  private static final List<Pod> LISTED = List.of(
      pod("web-a", 1), pod("web-b", 30), pod("web-c", 10), pod("cache-a", 50));

  private static Pod pod(String name, int minutesOld) {
    return TestClusters.pod(name, "shop", Map.of("app", "web"), TestClusters.NOW.minus(Duration.ofMinutes(minutesOld)));
  }

  private static PodSelection selection(String pattern, boolean all, boolean rand, String mode, int qty, String order) {
    return new PodSelection(Optional.empty(), Optional.ofNullable(pattern), all, rand, mode, qty, order, "shop");
  }

  private static List<String> names(List<Pod> pods) {
    return pods.stream().map(p -> p.getMetadata().getName()).toList();
  }

  @Test
  void pick_orderOldest_sortsByCreationTimestamp() {
    PodSelection oldestTwo = selection(null, false, false, "fixed", 2, "oldest");

    List<Pod> picked = oldestTwo.pick(LISTED, new Random(1));

    assertThat(names(picked)).containsExactly("cache-a", "web-b");
  }

  @Test
  void pick_orderAlphabetic_keepsTheListOrder() {
    PodSelection firstTwo = selection(null, false, false, "fixed", 2, "alphabetic");

    List<Pod> picked = firstTwo.pick(LISTED, new Random(1));

    assertThat(names(picked)).containsExactly("web-a", "web-b");
  }

  @Test
  void pick_percentageAfterNamePattern_countsOnlyMatchingPods() {
    PodSelection third = selection("^web-", false, false, "percentage", 34, "alphabetic");

    List<Pod> picked = third.pick(LISTED, new Random(1));

    assertThat(picked).hasSize(2);
  }

  @Test
  void pick_rand_returnsDistinctPodsFromTheCandidates() {
    PodSelection threeRandom = selection("^web-", false, true, "fixed", 3, "alphabetic");

    List<Pod> picked = threeRandom.pick(LISTED, new Random(42));

    assertThat(names(picked)).containsExactlyInAnyOrder("web-a", "web-b", "web-c");
  }

  @Test
  void pick_randWithSameSeed_isReproducible() {
    PodSelection oneRandom = selection(null, false, true, "fixed", 1, "alphabetic");

    List<Pod> first = oneRandom.pick(LISTED, new Random(5));
    List<Pod> second = oneRandom.pick(LISTED, new Random(5));

    assertThat(names(first)).isEqualTo(names(second));
  }

  @Test
  void unfiltered_noSelectorNoPattern_isTrue() {
    assertThat(selection(null, true, false, "fixed", 1, "alphabetic").unfiltered()).isTrue();
  }
}
