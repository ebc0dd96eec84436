package io.chaosfn.functions.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookComponentsTest {
  @Test
  void from_emptyEnvironment_namesEveryMissingVariable() {
    assertThatThrownBy(() -> WebhookComponents.from(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AWS_REGION is not set; CHAOSFN_TABLE is not set; CHAOSFN_WEBHOOK_SECRET_ID is not set");
  }

  @Test
  void from_badTtl_isRefused() {
    assertThatThrownBy(() -> WebhookComponents.from(Map.of("AWS_REGION", "eu-west-1", "CHAOSFN_TABLE", "t",
        "CHAOSFN_WEBHOOK_SECRET_ID", "s", "CHAOSFN_WEBHOOK_SECRET_TTL_SECONDS", "5m")))
        .hasMessageContaining("CHAOSFN_WEBHOOK_SECRET_TTL_SECONDS");
  }

  @Test
  void webhooks_completeEnvironment_buildsTheServiceWithoutCallingAws() {
    WebhookComponents components = WebhookComponents.from(Map.of("AWS_REGION", "eu-west-1", "CHAOSFN_TABLE",
        "chaosfn", "CHAOSFN_WEBHOOK_SECRET_ID", "chaosfn/webhook"));

    assertThat(components.webhooks(List::of, requests -> { })).isNotNull();
  }

  @Test
  void variables_listsWhatIsRead() {
    assertThat(WebhookComponents.VARIABLES).containsExactly("AWS_REGION", "CHAOSFN_TABLE",
        "CHAOSFN_WEBHOOK_SECRET_ID", "CHAOSFN_WEBHOOK_SECRET_TTL_SECONDS");
  }
}
