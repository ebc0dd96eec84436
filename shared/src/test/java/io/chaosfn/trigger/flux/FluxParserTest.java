package io.chaosfn.trigger.flux;

import static io.chaosfn.trigger.Senders.bytes;
import static io.chaosfn.trigger.Senders.flux;
import static io.chaosfn.trigger.Senders.fluxSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.trigger.DeployEvent;
import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.MalformedPayloadException;
import io.chaosfn.trigger.ParsedWebhook;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FluxParserTest {
  private static final Instant RECEIVED = Instant.parse("2025-03-01T10:00:05Z");
  private final FluxParser parser = new FluxParser();

  @Test
  void parse_reconciliationSucceeded_isADeployOfTheReconciledObject() throws Exception {
    String body = fluxSuccess("default", "frontend-app", "main@sha1:4f2a9c1");

    ParsedWebhook parsed = parser.parse(flux(body), RECEIVED);

    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(body)));
    assertThat(parsed).isEqualTo(new ParsedWebhook.Deployed(new DeployEvent(DeploySource.FLUX, "default",
        "frontend-app", null, "main@sha1:4f2a9c1", hash, Instant.parse("2025-03-01T10:00:00Z"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UpgradeSucceeded", "InstallSucceeded"})
  void parse_helmSuccessReasons_areDeploys(String reason) {
    String body = fluxSuccess("default", "frontend-app", "1.2.0").replace("ReconciliationSucceeded", reason);

    assertThat(parser.parse(flux(body), RECEIVED)).isInstanceOf(ParsedWebhook.Deployed.class);
  }

  @Test
  void parse_errorSeverity_isIgnored() {
    String body = fluxSuccess("default", "frontend-app", "r").replace("\"info\"", "\"error\"");

    assertThat(parser.parse(flux(body), RECEIVED)).isInstanceOf(ParsedWebhook.Ignored.class);
  }

  @Test
  void parse_progressReason_isIgnored() {
    String body = fluxSuccess("default", "frontend-app", "r").replace("ReconciliationSucceeded", "Progressing");

    assertThat(parser.parse(flux(body), RECEIVED)).isInstanceOf(ParsedWebhook.Ignored.class);
  }

  @Test
  void parse_missingInvolvedObjectName_isMalformed() {
    String body = fluxSuccess("default", "frontend-app", "r").replace("\"name\": \"frontend-app\", ", "");

    assertThatThrownBy(() -> parser.parse(flux(body), RECEIVED))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("involvedObject.name");
  }

  @Test
  void parse_numericRevision_isMalformed() {
    String body = fluxSuccess("default", "frontend-app", "r").replace("\"revision\": \"r\"", "\"revision\": 12");

    assertThatThrownBy(() -> parser.parse(flux(body), RECEIVED)).isInstanceOf(MalformedPayloadException.class);
  }
}
