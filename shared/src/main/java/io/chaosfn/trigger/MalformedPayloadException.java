package io.chaosfn.trigger;

/** An authenticated request whose body or headers are not what its source sends (400). */
public final class MalformedPayloadException extends WebhookException {
  private static final long serialVersionUID = 1L;

  public MalformedPayloadException(String message) {
    super(400, "bad_request", message, null);
  }
}
