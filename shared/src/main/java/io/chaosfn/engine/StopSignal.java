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
  private int requests;
  private Thread runner;

  /** Requests a stop. When {@code cancelInFlight}, the activity running on the runner thread is interrupted too. */
  public void request(Stop request, boolean cancelInFlight) {
    lock.lock();
    try {
      requests++;
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

  /** How many stops were requested so far; rollbacks note it when they start and only yield to later ones. */
  public int mark() {
    lock.lock();
    try {
      return requests;
    } finally {
      lock.unlock();
    }
  }

  /** True when a stop was requested after {@code mark} was taken. */
  public boolean requestedSince(int mark) {
    return mark() > mark;
  }

  /** Throws when a stop has been requested; called before each activity starts. */
  public void check() {
    checkSince(0);
  }

  /** Throws when a stop has been requested after {@code mark}. */
  public void checkSince(int mark) {
    lock.lock();
    try {
      if (requests > mark) {
        throw new RunInterruptedException(stop);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits up to {@code duration} or until a stop is requested after {@code mark}.
   *
   * @return true when the wait ended because of a stop
   */
  public boolean await(Duration duration, int mark) {
    long nanos = duration.toNanos();
    lock.lock();
    try {
      while (requests <= mark && nanos > 0) {
        nanos = stopped.awaitNanos(nanos);
      }
      return requests > mark;
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
