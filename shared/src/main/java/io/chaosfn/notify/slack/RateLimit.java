package io.chaosfn.notify.slack;

import java.time.Duration;

/**
 * How long one run's notifications may wait, in total, for Slack's rate limits (its {@code Retry-After}) before
 * they give up: waiting is what a rate limit asks, but a notifier must not hold a run or its journal for long.
 */
final class RateLimit {
  /** How the wait happens; tests record it instead of sleeping. */
  @FunctionalInterface
  interface Waiter {
    void pause(Duration duration) throws InterruptedException;

    Waiter REAL = duration -> Thread.sleep(duration.toMillis());
  }

  private final Duration budget;
  private final Waiter waiter;
  private Duration spent = Duration.ZERO;

  RateLimit(Duration budget, Waiter waiter) {
    this.budget = budget;
    this.waiter = waiter;
  }

  /**
   * Waits {@code retryAfter} when the budget allows it.
   *
   * @return false, without waiting, when the wait would exceed what is left of the budget
   * @throws InterruptedException when the thread is interrupted while it waits
   */
  synchronized boolean await(Duration retryAfter) throws InterruptedException {
    if (spent.plus(retryAfter).compareTo(budget) > 0) {
      return false;
    }
    waiter.pause(retryAfter);
    spent = spent.plus(retryAfter);
    return true;
  }

  synchronized Duration spent() {
    return spent;
  }
}
