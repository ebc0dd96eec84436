package io.chaosfn.notify;

import io.chaosfn.ChaosfnException;

/** An event or notification was not delivered; recorded in the journal, never fatal to the run. */
public class PublishingFailedException extends ChaosfnException {
  private static final long serialVersionUID = 1L;

  public PublishingFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
