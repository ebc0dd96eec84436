package io.chaosfn.engine;

import io.chaosfn.ChaosfnException;

/**
 * Something outside an activity's own error handling broke (an unresolved reference, a pause that is not a
 * number): the run's status becomes {@code aborted}, as in Chaos Toolkit, and the journal is still written.
 */
final class RunAbortedException extends ChaosfnException {
  private static final long serialVersionUID = 1L;

  RunAbortedException(String message) {
    super(message);
  }
}
