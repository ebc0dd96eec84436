package io.chaosfn.trigger;

/** The route exists but takes only POST (405). */
public final class MethodNotAllowedException extends WebhookException {
  private static final long serialVersionUID = 1L;

  public MethodNotAllowedException(String message) {
    super(405, "method_not_allowed", message, null);
  }
}
