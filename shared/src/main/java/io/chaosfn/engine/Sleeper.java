package io.chaosfn.engine;

import java.time.Duration;

/**
 * How the runner pauses. The real one waits on the run's {@link StopSignal}; tests record the pauses and return
 * at once, so pauses and the time guard are tested without real time.
 */
public interface Sleeper {
  /**
   * Pauses for {@code duration} unless a stop is requested after {@code mark} (see {@link StopSignal#mark()}).
   *
   * @return true when the pause was cut short by a stop
   */
  boolean pause(Duration duration, StopSignal stop, int mark);

  /** Waits on the stop signal in real time. */
  Sleeper REAL = (duration, stop, mark) -> stop.await(duration, mark);
}
