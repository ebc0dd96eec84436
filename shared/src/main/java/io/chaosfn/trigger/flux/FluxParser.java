package io.chaosfn.trigger.flux;

import static io.chaosfn.trigger.StrictJson.required;

import io.chaosfn.trigger.DeployEvent;
import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.ParsedWebhook;
import io.chaosfn.trigger.StrictJson;
import io.chaosfn.trigger.WebhookParser;
import io.chaosfn.trigger.WebhookRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Flux notification-controller events, as its {@code generic-hmac} provider posts them. A deploy succeeded when
 * the severity is {@code info} and the reason is {@code ReconciliationSucceeded}, {@code UpgradeSucceeded} or
 * {@code InstallSucceeded}; the workload is the reconciled object ({@code involvedObject.name}, a Kustomization
 * or HelmRelease), the revision {@code metadata.revision}. Flux sends no delivery id, so the SHA-256 of the body
 * stands in: a retry of the same event has the same body.
 */
public final class FluxParser implements WebhookParser {
  private static final Set<String> SUCCESS_REASONS =
      Set.of("ReconciliationSucceeded", "UpgradeSucceeded", "InstallSucceeded");

  /** The part of a Flux event chaosfn reads; Flux's metadata is a map of strings. */
  record FluxEvent(InvolvedObject involvedObject, String severity, String reason, String timestamp,
      Map<String, String> metadata) {}

  record InvolvedObject(String kind, String namespace, String name) {}

  @Override
  public DeploySource source() {
    return DeploySource.FLUX;
  }

  @Override
  public ParsedWebhook parse(WebhookRequest request, Instant receivedAt) {
    FluxEvent event = StrictJson.read(request.body(), FluxEvent.class);
    if (event.involvedObject() == null) {
      required(null, "involvedObject");
    }
    String name = required(event.involvedObject().name(), "involvedObject.name");
    String namespace = required(event.involvedObject().namespace(), "involvedObject.namespace");
    String severity = required(event.severity(), "severity");
    String reason = required(event.reason(), "reason");
    Instant timestamp = StrictJson.instant(event.timestamp(), "timestamp", receivedAt);
    if (!"info".equals(severity) || !SUCCESS_REASONS.contains(reason)) {
      return new ParsedWebhook.Ignored("not a deploy success: severity " + severity + ", reason " + reason);
    }
    String revision = event.metadata() == null ? null : StrictJson.optional(event.metadata().get("revision"));
    return new ParsedWebhook.Deployed(new DeployEvent(DeploySource.FLUX, namespace, name, null, revision,
        sha256(request.body()), timestamp));
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
