package io.chaosfn.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.experiment.ChaosfnExtension.DeployTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeployMatcherTest {
  private static final DeployEvent FLUX = new DeployEvent(DeploySource.FLUX, "default", "frontend-app", null,
      "main@sha1:4f2a9c1", "d-1", Instant.EPOCH);
  private static final DeployEvent GITHUB = new DeployEvent(DeploySource.GITHUB, null, null, "acme/shop",
      "4f2a9c1", "d-2", Instant.EPOCH);

  private final DeployMatcher matcher = new DeployMatcher();

  @Test
  void matches_allKeysEqual_isTrue() {
    assertThat(matcher.matches(trigger(Map.of("namespace", "default", "workload", "frontend-app")), FLUX)).isTrue();
  }

  @Test
  void matches_oneKeyDiffers_isFalse() {
    assertThat(matcher.matches(trigger(Map.of("namespace", "default", "workload", "backend")), FLUX)).isFalse();
  }

  @Test
  void matches_keyTheDeployDoesNotKnow_isFalse() {
    assertThat(matcher.matches(trigger(Map.of("namespace", "default")), GITHUB)).isFalse();
  }

  @Test
  void matches_wildcard_matchesAnyRun() {
    assertThat(matcher.matches(trigger(Map.of("workload", "frontend-*", "revision", "main@*")), FLUX)).isTrue();
  }

  @Test
  void matches_regexCharactersInAValue_areLiteral() {
    assertThat(matcher.matches(trigger(Map.of("workload", "frontend.app")), FLUX)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme/shop", "Acme/Shop", "https://github.com/acme/shop.git", "git@github.com:acme/shop.git",
      "https://github.com/acme/shop/"})
  void matches_repositorySpelledAnyWay_matchesTheOwnerAndName(String repository) {
    assertThat(matcher.matches(trigger(Map.of("repository", repository)), GITHUB)).isTrue();
  }

  @Test
  void matches_otherRepository_isFalse() {
    assertThat(matcher.matches(trigger(Map.of("repository", "acme/shop-api")), GITHUB)).isFalse();
  }

  private static DeployTrigger trigger(Map<String, String> match) {
    return new DeployTrigger(match, Duration.ZERO);
  }
}
