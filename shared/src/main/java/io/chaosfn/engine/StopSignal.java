package io.chaosfn.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A run's stop request, shared between the runner and whatever may ask it to stop (a signal handler, a
 * safeguard thread, the time guard). The first request wins; a later ungraceful one still cancels the
 * rollbacks, as a second Ctrl-C does.
 *
 * <p>Thread-safe. Pauses wait on it, so a stop cuts a pause short instead of sleeping through it.
 */
public final class StopSignal {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition stopped = lock.newCondition();
  private Stop stop;
  private Thread runner;

  /** Requests a stop. When {@code cancelInFlight}, the activity running on the runner thread is interrupted too. */
  public void request(Stop request, boolean cancelInFlight) {
    lock.lock();
    try {
      if (stop == null) {
        stop = request;
      } else if (request.rollbacks() == Stop.Rollbacks.NONE) {
        stop = stop.ungraceful();
      }
      stopped.signalAll();
      if (cancelInFlight && runner != null) {
        runner.interrupt();
      }
    } finally {
      lock.unlock();
    }
  }

  public Optional<Stop> current() {
    lock.lock();
    try {
      return Optional.ofNullable(stop);
    } finally {
      lock.unlock();
    }
  }

  public boolean isRequested() {
    return current().isPresent();
  }

  /** Throws when a stop has been requested; called before each activity starts. */
  public void check() {
    Optional<Stop> requested = current();
    if (requested.isPresent()) {
      throw new RunInterruptedException(requested.get());
    }
  }

  /**
   * Waits up to {@code duration} or until a stop is requested.
   *
   * @return true when the wait ended because of a stop
   */
  public boolean await(Duration duration) {
    long nanos = duration.toNanos();
    lock.lock();
    try {
      while (stop == null && nanos > 0) {
        nanos = stopped.awaitNanos(nanos);
      }
      return stop != null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    } finally {
      lock.unlock();
    }
  }

  void bindRunner(Thread thread) {
    lock.lock();
    try {
      runner = thread;
    } finally {
      lock.unlock();
    }
  }
}
