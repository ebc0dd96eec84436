package io.chaosfn.trigger;

/** The request could not be authenticated (401): missing, malformed or wrong signature or token. Its body was not parsed. */
public final class SignatureRejectedException extends WebhookException {
  private static final long serialVersionUID = 1L;

  public SignatureRejectedException(String message) {
    super(401, "unauthorized", message, null);
  }
}
