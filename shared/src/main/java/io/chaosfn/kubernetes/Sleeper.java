package io.chaosfn.kubernetes;

import java.time.Duration;

/** Waits between retries; tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps on the calling thread. */
  Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());
}
