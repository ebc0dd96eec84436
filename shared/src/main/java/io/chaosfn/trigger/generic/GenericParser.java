package io.chaosfn.trigger.generic;

import static io.chaosfn.trigger.StrictJson.optional;
import static io.chaosfn.trigger.StrictJson.required;

import io.chaosfn.trigger.DeployEvent;
import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.MalformedPayloadException;
import io.chaosfn.trigger.ParsedWebhook;
import io.chaosfn.trigger.StrictJson;
import io.chaosfn.trigger.WebhookParser;
import io.chaosfn.trigger.WebhookRequest;
import java.time.Instant;

/**
 * chaosfn's own format for any other deploy tool (decisions.md §7): {@code deliveryId}, {@code status} and
 * {@code revision} (strings, required), then {@code namespace} with {@code workload}, or {@code repository}, to
 * match on; {@code tool} and {@code timestamp} (RFC 3339) are optional. {@code status: success} is a deploy;
 * any other status is ignored.
 */
public final class GenericParser implements WebhookParser {
  /** The generic body; {@code tool} is bound only so that a non-string there is refused like anywhere else. */
  record GenericDeploy(String deliveryId, String status, String revision, String namespace, String workload,
      String repository, String tool, String timestamp) {}

  @Override
  public DeploySource source() {
    return DeploySource.GENERIC;
  }

  @Override
  public ParsedWebhook parse(WebhookRequest request, Instant receivedAt) {
    GenericDeploy body = StrictJson.read(request.body(), GenericDeploy.class);
    String deliveryId = StrictJson.deliveryId(body.deliveryId(), "deliveryId");
    String status = required(body.status(), "status");
    String revision = required(body.revision(), "revision");
    String namespace = optional(body.namespace());
    String workload = optional(body.workload());
    String repository = optional(body.repository());
    if ((namespace == null) != (workload == null)) {
      throw new MalformedPayloadException("namespace and workload go together: give both or neither");
    }
    if (workload == null && repository == null) {
      throw new MalformedPayloadException("give namespace and workload, or repository, to match experiments on");
    }
    Instant timestamp = StrictJson.instant(body.timestamp(), "timestamp", receivedAt);
    if (!"success".equals(status)) {
      return new ParsedWebhook.Ignored("status " + status + " is not success");
    }
    return new ParsedWebhook.Deployed(new DeployEvent(DeploySource.GENERIC, namespace, workload, repository,
        revision, deliveryId, timestamp));
  }
}
