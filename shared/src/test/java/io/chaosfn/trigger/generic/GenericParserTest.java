package io.chaosfn.trigger.generic;

import static io.chaosfn.trigger.Senders.generic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.trigger.DeployEvent;
import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.MalformedPayloadException;
import io.chaosfn.trigger.ParsedWebhook;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GenericParserTest {
  private static final Instant RECEIVED = Instant.parse("2025-03-01T10:00:05Z");
  private final GenericParser parser = new GenericParser();

  @Test
  void parse_successWithWorkload_isADeploy() {
    String body = """
        {"deliveryId": "build-77", "status": "success", "revision": "v1.4.2", "namespace": "default",
         "workload": "frontend-app", "tool": "spinnaker"}""";

    ParsedWebhook parsed = parser.parse(generic(body), RECEIVED);

    assertThat(parsed).isEqualTo(new ParsedWebhook.Deployed(new DeployEvent(DeploySource.GENERIC, "default",
        "frontend-app", null, "v1.4.2", "build-77", RECEIVED)));
  }

  @Test
  void parse_successWithRepository_isADeploy() {
    String body = """
        {"deliveryId": "build-77", "status": "success", "revision": "v1.4.2", "repository": "acme/shop",
         "timestamp": "2025-03-01T09:59:00+01:00"}""";

    DeployEvent event = ((ParsedWebhook.Deployed) parser.parse(generic(body), RECEIVED)).event();

    assertThat(event.repository()).isEqualTo("acme/shop");
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2025-03-01T08:59:00Z"));
  }

  @Test
  void parse_otherStatus_isIgnored() {
    String body = "{\"deliveryId\": \"b\", \"status\": \"failure\", \"revision\": \"v1\", \"repository\": \"a/b\"}";

    assertThat(parser.parse(generic(body), RECEIVED)).isInstanceOf(ParsedWebhook.Ignored.class);
  }

  @Test
  void parse_missingRevision_isMalformed() {
    String body = "{\"deliveryId\": \"b\", \"status\": \"success\", \"repository\": \"a/b\"}";

    assertThatThrownBy(() -> parser.parse(generic(body), RECEIVED))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("revision is required (a non-empty string)");
  }

  @Test
  void parse_namespaceWithoutWorkload_isMalformed() {
    String body = "{\"deliveryId\": \"b\", \"status\": \"success\", \"revision\": \"v1\", \"namespace\": \"n\"}";

    assertThatThrownBy(() -> parser.parse(generic(body), RECEIVED))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("together");
  }

  @Test
  void parse_nothingToMatchOn_isMalformed() {
    String body = "{\"deliveryId\": \"b\", \"status\": \"success\", \"revision\": \"v1\"}";

    assertThatThrownBy(() -> parser.parse(generic(body), RECEIVED))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("repository");
  }

  @Test
  void parse_numericDeliveryId_isMalformed() {
    String body = "{\"deliveryId\": 77, \"status\": \"success\", \"revision\": \"v1\", \"repository\": \"a/b\"}";

    assertThatThrownBy(() -> parser.parse(generic(body), RECEIVED))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("deliveryId");
  }

  @Test
  void parse_numericTool_isMalformed() {
    String body = "{\"deliveryId\": \"b\", \"status\": \"success\", \"revision\": \"v1\", \"repository\": \"a/b\","
        + " \"tool\": 3}";

    assertThatThrownBy(() -> parser.parse(generic(body), RECEIVED)).isInstanceOf(MalformedPayloadException.class);
  }
}
