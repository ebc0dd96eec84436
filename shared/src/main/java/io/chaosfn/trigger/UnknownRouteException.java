package io.chaosfn.trigger;

/** No webhook route has this path (404). */
public final class UnknownRouteException extends WebhookException {
  private static final long serialVersionUID = 1L;

  public UnknownRouteException(String message) {
    super(404, "not_found", message, null);
  }
}
