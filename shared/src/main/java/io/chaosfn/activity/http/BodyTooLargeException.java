package io.chaosfn.activity.http;

import java.io.IOException;

/** The response body is larger than {@link HttpPolicy#maxResponseBytes()}. */
final class BodyTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  BodyTooLargeException(int limit) {
    super("the response body is larger than " + limit + " bytes");
  }
}
