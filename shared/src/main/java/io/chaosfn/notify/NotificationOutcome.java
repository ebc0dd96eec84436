package io.chaosfn.notify;

import java.util.Objects;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What became of one notification: an entry of the journal's {@code chaosfn.notifications} (decisions.md §1, §2).
 * Only failures are recorded, so a journal without {@code notifications} was notified in full (or not at all,
 * when no notifier applied).
 *
 * @param channel where the message was meant to go (a Slack channel name or id, or {@code webhook})
 * @param kind which message: {@code start} (the root message), {@code thread} (a reply), {@code final} (the
 *     root message's last update, or the webhook's one message)
 * @param error one line saying why it was not delivered, secrets redacted; null when {@code ok}
 */
public record NotificationOutcome(String channel, String kind, boolean ok, String error) {
  public NotificationOutcome {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(kind, "kind");
    if (!ok && (error == null || error.isBlank())) {
      throw new IllegalArgumentException("a failed notification says why");
    }
  }

  public static NotificationOutcome failed(String channel, String kind, String error) {
    return new NotificationOutcome(channel, kind, false, error);
  }

  /** The journal entry: {@code {channel, kind, ok, error}}, {@code error} left out when delivered. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("channel", channel).put("kind", kind).put("ok", ok);
    if (error != null) {
      json.put("error", error);
    }
    return json;
  }
}
