package io.chaosfn.store;

import io.chaosfn.ChaosfnException;

/** The backing store could not be reached or refused the request; the caller may retry (HTTP 503). */
public class StoreUnavailableException extends ChaosfnException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
