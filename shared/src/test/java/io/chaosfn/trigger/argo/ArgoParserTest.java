package io.chaosfn.trigger.argo;

import static io.chaosfn.trigger.Senders.argo;
import static io.chaosfn.trigger.Senders.argoNotification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.trigger.DeployEvent;
import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.MalformedPayloadException;
import io.chaosfn.trigger.ParsedWebhook;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArgoParserTest {
  private static final Instant RECEIVED = Instant.parse("2025-03-01T10:00:05Z");
  private final ArgoParser parser = new ArgoParser();

  @Test
  void parse_succeededAndHealthy_isADeployOfTheApplication() {
    ParsedWebhook parsed = parser.parse(argo(argoNotification("uid-1/2025-03-01T10:00:00Z", "Succeeded",
        "Healthy")), RECEIVED);

    assertThat(parsed).isEqualTo(new ParsedWebhook.Deployed(new DeployEvent(DeploySource.ARGO, "default",
        "frontend-app", "https://github.com/acme/shop.git", "4f2a9c1", "uid-1/2025-03-01T10:00:00Z",
        Instant.parse("2025-03-01T10:00:00Z"))));
  }

  @Test
  void parse_succeededButDegraded_isIgnored() {
    assertThat(parser.parse(argo(argoNotification("d-1", "Succeeded", "Degraded")), RECEIVED))
        .isInstanceOf(ParsedWebhook.Ignored.class);
  }

  @Test
  void parse_failedPhase_isIgnored() {
    assertThat(parser.parse(argo(argoNotification("d-1", "Failed", "Healthy")), RECEIVED))
        .isInstanceOf(ParsedWebhook.Ignored.class);
  }

  @Test
  void parse_emptyRepoUrl_isAbsent() {
    String body = argoNotification("d-1", "Succeeded", "Healthy").replace("https://github.com/acme/shop.git", "");

    ParsedWebhook parsed = parser.parse(argo(body), RECEIVED);

    assertThat(((ParsedWebhook.Deployed) parsed).event().repository()).isNull();
  }

  @Test
  void parse_missingDeliveryId_isMalformed() {
    String body = argoNotification("", "Succeeded", "Healthy");

    assertThatThrownBy(() -> parser.parse(argo(body), RECEIVED))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("deliveryId");
  }

  @Test
  void parse_unreadableFinishedAt_isMalformed() {
    String body = argoNotification("d-1", "Succeeded", "Healthy").replace("2025-03-01T10:00:00Z", "soon");

    assertThatThrownBy(() -> parser.parse(argo(body), RECEIVED))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("finishedAt");
  }
}
