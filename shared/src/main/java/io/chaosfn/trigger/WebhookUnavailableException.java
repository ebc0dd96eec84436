package io.chaosfn.trigger;

/**
 * Something the webhook depends on (its secrets, the delivery log, the event bus) failed; nothing was started
 * and the delivery was not recorded, so the sender may retry (503).
 */
public final class WebhookUnavailableException extends WebhookException {
  private static final long serialVersionUID = 1L;

  public WebhookUnavailableException(String message, Throwable cause) {
    super(503, "unavailable", message, cause);
  }
}
