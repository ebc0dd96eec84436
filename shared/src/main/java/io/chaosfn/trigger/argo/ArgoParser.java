package io.chaosfn.trigger.argo;

import static io.chaosfn.trigger.StrictJson.optional;
import static io.chaosfn.trigger.StrictJson.required;

import io.chaosfn.trigger.DeployEvent;
import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.ParsedWebhook;
import io.chaosfn.trigger.StrictJson;
import io.chaosfn.trigger.WebhookParser;
import io.chaosfn.trigger.WebhookRequest;
import java.time.Instant;

/**
 * Argo CD notifications, in the body the documented template sends ({@code infrastructure/gitops/argocd}):
 * {@code {deliveryId, app, project, namespace, repoURL, revision, phase, health, finishedAt}}, all strings. A
 * deploy succeeded when {@code phase} is {@code Succeeded} and {@code health} is {@code Healthy}; the workload
 * is the application's name, the namespace its destination namespace, the repository its {@code repoURL}.
 * Fields the template renders empty (a multi-source application has no single {@code repoURL}) count as absent.
 */
public final class ArgoParser implements WebhookParser {
  /** The template's body. */
  record ArgoNotification(String deliveryId, String app, String project, String namespace, String repoURL,
      String revision, String phase, String health, String finishedAt) {}

  @Override
  public DeploySource source() {
    return DeploySource.ARGO;
  }

  @Override
  public ParsedWebhook parse(WebhookRequest request, Instant receivedAt) {
    ArgoNotification body = StrictJson.read(request.body(), ArgoNotification.class);
    String deliveryId = StrictJson.deliveryId(body.deliveryId(), "deliveryId");
    String app = required(body.app(), "app");
    String phase = required(body.phase(), "phase");
    String health = required(body.health(), "health");
    Instant finishedAt = StrictJson.instant(optional(body.finishedAt()), "finishedAt", receivedAt);
    if (!"Succeeded".equals(phase) || !"Healthy".equals(health)) {
      return new ParsedWebhook.Ignored("not a deploy success: phase " + phase + ", health " + health);
    }
    return new ParsedWebhook.Deployed(new DeployEvent(DeploySource.ARGO, optional(body.namespace()), app,
        optional(body.repoURL()), optional(body.revision()), deliveryId, finishedAt));
  }
}
