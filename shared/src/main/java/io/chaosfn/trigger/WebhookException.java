package io.chaosfn.trigger;

import io.chaosfn.ChaosfnException;

/**
 * A webhook request the service answers with an error instead of a result. Each subclass is one row of the
 * HTTP error table (decisions.md §7): its {@link #status()} and a stable {@link #code()} for the JSON body. The
 * message is safe to send back: it never contains a secret, a signature or the body.
 */
public abstract sealed class WebhookException extends ChaosfnException
    permits UnknownRouteException, MethodNotAllowedException, PayloadTooLargeException,
    SignatureRejectedException, MalformedPayloadException, WebhookUnavailableException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  WebhookException(int status, String code, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** A stable machine-readable code for the answer's {@code error.code}. */
  public String code() {
    return code;
  }
}
