package io.chaosfn.trigger.github;

import static io.chaosfn.trigger.Senders.github;
import static io.chaosfn.trigger.Senders.githubDeploymentStatus;
import static io.chaosfn.trigger.Senders.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.trigger.DeployEvent;
import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.MalformedPayloadException;
import io.chaosfn.trigger.ParsedWebhook;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubParserTest {
  private static final Instant RECEIVED = Instant.parse("2025-03-01T10:00:05Z");
  private static final String DELIVERY = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
  private final GitHubParser parser = new GitHubParser();

  @Test
  void parse_successfulDeploymentStatus_isADeployOfTheRepositoryAtTheSha() {
    String body = githubDeploymentStatus("success", "acme/shop", "4f2a9c1");

    ParsedWebhook parsed = parser.parse(github("deployment_status", DELIVERY, body), RECEIVED);

    assertThat(parsed).isEqualTo(new ParsedWebhook.Deployed(new DeployEvent(DeploySource.GITHUB, null, null,
        "acme/shop", "4f2a9c1", DELIVERY, Instant.parse("2025-03-01T10:00:00Z"))));
  }

  @Test
  void parse_failedDeploymentStatus_isIgnored() {
    String body = githubDeploymentStatus("failure", "acme/shop", "4f2a9c1");

    assertThat(parser.parse(github("deployment_status", DELIVERY, body), RECEIVED))
        .isInstanceOf(ParsedWebhook.Ignored.class);
  }

  @Test
  void parse_ping_isIgnored() {
    ParsedWebhook parsed = parser.parse(github("ping", DELIVERY, "{\"zen\": \"Keep it logically awesome.\"}"),
        RECEIVED);

    assertThat(parsed).isEqualTo(new ParsedWebhook.Ignored("GitHub event ping is not deployment_status"));
  }

  @Test
  void parse_missingDeliveryHeader_isMalformed() {
    String body = githubDeploymentStatus("success", "acme/shop", "4f2a9c1");

    assertThatThrownBy(() -> parser.parse(post("/webhook/github", Map.of("X-GitHub-Event", "deployment_status"),
        body), RECEIVED))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("X-GitHub-Delivery");
  }

  @Test
  void parse_missingEventHeader_isMalformed() {
    String body = githubDeploymentStatus("success", "acme/shop", "4f2a9c1");

    assertThatThrownBy(() -> parser.parse(post("/webhook/github", Map.of("X-GitHub-Delivery", DELIVERY), body),
        RECEIVED)).isInstanceOf(MalformedPayloadException.class).hasMessageContaining("X-GitHub-Event");
  }

  @Test
  void parse_numericSha_isMalformed() {
    String body = githubDeploymentStatus("success", "acme/shop", "x").replace("\"sha\": \"x\"", "\"sha\": 123");

    assertThatThrownBy(() -> parser.parse(github("deployment_status", DELIVERY, body), RECEIVED))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("deployment.sha");
  }

  @Test
  void parse_deploymentStatusWithoutRepository_isMalformed() {
    String body = "{\"deployment_status\": {\"state\": \"success\"}, \"deployment\": {\"sha\": \"x\"}}";

    assertThatThrownBy(() -> parser.parse(github("deployment_status", DELIVERY, body), RECEIVED))
        .isInstanceOf(MalformedPayloadException.class);
  }
}
