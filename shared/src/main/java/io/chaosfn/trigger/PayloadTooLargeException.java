package io.chaosfn.trigger;

/** The body is larger than the webhook accepts (413); nothing of it was read. */
public final class PayloadTooLargeException extends WebhookException {
  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(String message) {
    super(413, "payload_too_large", message, null);
  }
}
