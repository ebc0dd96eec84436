package io.chaosfn.flow;

import io.chaosfn.ChaosfnException;

/** The run or experiment a query names is not in the store (HTTP 404, CLI exit 1). */
public class NotFoundException extends ChaosfnException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
