package io.chaosfn.trigger.github;

import static io.chaosfn.trigger.StrictJson.required;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chaosfn.trigger.DeployEvent;
import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.MalformedPayloadException;
import io.chaosfn.trigger.ParsedWebhook;
import io.chaosfn.trigger.StrictJson;
import io.chaosfn.trigger.WebhookParser;
import io.chaosfn.trigger.WebhookRequest;
import java.time.Instant;

/**
 * GitHub webhooks. Only {@code deployment_status} events with {@code deployment_status.state: success} are
 * deploys; every other event (a {@code ping} when the hook is created, other states) is ignored. The delivery id
 * is the {@code X-GitHub-Delivery} header, which GitHub keeps across redeliveries; a request without it is
 * refused. The repository is {@code repository.full_name} ({@code owner/name}), the revision
 * {@code deployment.sha}. GitHub knows no namespace or workload.
 */
public final class GitHubParser implements WebhookParser {
  static final String EVENT_HEADER = "x-github-event";
  static final String DELIVERY_HEADER = "x-github-delivery";
  private static final String DEPLOYMENT_STATUS = "deployment_status";

  /** The part of a {@code deployment_status} payload chaosfn reads. */
  record DeploymentStatusEvent(@JsonProperty("deployment_status") DeploymentStatus status, Deployment deployment,
      Repository repository) {}

  record DeploymentStatus(String state, @JsonProperty("updated_at") String updatedAt) {}

  record Deployment(String sha) {}

  record Repository(@JsonProperty("full_name") String fullName) {}

  @Override
  public DeploySource source() {
    return DeploySource.GITHUB;
  }

  @Override
  public ParsedWebhook parse(WebhookRequest request, Instant receivedAt) {
    String deliveryId = StrictJson.deliveryId(request.header(DELIVERY_HEADER).orElse(null),
        "header X-GitHub-Delivery");
    String event = request.header(EVENT_HEADER)
        .orElseThrow(() -> new MalformedPayloadException("header X-GitHub-Event is required"));
    // The body is read whatever the event, so a malformed one is refused the same way for every event.
    DeploymentStatusEvent body = StrictJson.read(request.body(), DeploymentStatusEvent.class);
    if (!DEPLOYMENT_STATUS.equals(event)) {
      return new ParsedWebhook.Ignored("GitHub event " + event + " is not " + DEPLOYMENT_STATUS);
    }
    if (body.status() == null || body.deployment() == null || body.repository() == null) {
      throw new MalformedPayloadException("a deployment_status event needs deployment_status, deployment and "
          + "repository objects");
    }
    String state = required(body.status().state(), "deployment_status.state");
    String repository = required(body.repository().fullName(), "repository.full_name");
    String sha = required(body.deployment().sha(), "deployment.sha");
    Instant timestamp = StrictJson.instant(body.status().updatedAt(), "deployment_status.updated_at",
        receivedAt);
    if (!"success".equals(state)) {
      return new ParsedWebhook.Ignored("deployment state " + state + " is not success");
    }
    return new ParsedWebhook.Deployed(new DeployEvent(DeploySource.GITHUB, null, null, repository, sha,
        deliveryId, timestamp));
  }
}
