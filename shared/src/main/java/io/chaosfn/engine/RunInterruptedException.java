package io.chaosfn.engine;

import io.chaosfn.ChaosfnException;

/**
 * Thrown by a control or listener hook to interrupt the run (Chaos Toolkit's {@code InterruptExecution}); the
 * runner also uses it internally once a stop has been requested. Any other exception from a hook is logged and
 * ignored.
 */
public class RunInterruptedException extends ChaosfnException {
  private static final long serialVersionUID = 1L;
  private final transient Stop stop;

  public RunInterruptedException(Stop stop) {
    super("run interrupted: " + stop.cause());
    this.stop = stop;
  }

  public Stop stop() {
    return stop;
  }
}
