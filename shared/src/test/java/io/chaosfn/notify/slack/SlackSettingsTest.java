package io.chaosfn.notify.slack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {
  @Test
  void new_apiUrlWithoutTrailingSlash_isRefused() {
    assertThatThrownBy(() -> SlackSettings.of(null, null).withApiUrl("http://127.0.0.1:1/api"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end with '/'");
  }

  @Test
  void new_blankDefaultChannel_isRefused() {
    assertThatThrownBy(() -> SlackSettings.of(" ", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default Slack channel");
  }

  @Test
  void new_zeroCallTimeout_isRefused() {
    assertThatThrownBy(() -> new SlackSettings(null, null, SlackSettings.SLACK_API, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("call timeout");
  }

  @Test
  void new_negativeRateLimitBudget_isRefused() {
    assertThatThrownBy(() -> new SlackSettings(null, null, SlackSettings.SLACK_API, Duration.ofSeconds(1),
        Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate-limit budget");
  }
}
