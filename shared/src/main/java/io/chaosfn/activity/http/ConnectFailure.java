package io.chaosfn.activity.http;

import java.io.IOException;

/** The connection could not be made (refused, unknown host, connect timeout, TLS handshake): retryable. */
final class ConnectFailure extends IOException {
  private static final long serialVersionUID = 1L;

  ConnectFailure(Throwable cause) {
    super(describe(cause), cause);
  }

  /** The one-line reason, as in {@code failed to connect to <url>: ConnectException: Connection refused}. */
  static String describe(Throwable cause) {
    String message = cause.getMessage();
    String type = cause.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }
}
