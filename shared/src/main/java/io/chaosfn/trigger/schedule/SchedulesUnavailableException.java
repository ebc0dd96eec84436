package io.chaosfn.trigger.schedule;

import io.chaosfn.ChaosfnException;

/** The Scheduler refused a change or could not be reached; nothing was changed by the refused call. */
public class SchedulesUnavailableException extends ChaosfnException {
  private static final long serialVersionUID = 1L;

  public SchedulesUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
