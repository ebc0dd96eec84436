package io.chaosfn.activity;

import io.chaosfn.ChaosfnException;

/**
 * The activity ran and failed: its run item gets status {@code failed} and the run goes on (Chaos Toolkit's
 * {@code ActivityFailed}). The message is what the journal's last exception line shows.
 */
public class ActivityFailedException extends ChaosfnException {
  private static final long serialVersionUID = 1L;

  public ActivityFailedException(String message) {
    super(message);
  }

  public ActivityFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
