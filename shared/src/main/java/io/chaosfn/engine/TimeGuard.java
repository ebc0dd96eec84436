package io.chaosfn.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps a rollback reserve before a hard deadline (Lambda stops at its timeout and skips {@code finally}
 * blocks): once the time left falls below the reserve, no further method activity starts and a pause in the
 * method is cut short, so rollbacks still run. Without a deadline it never stops anything.
 */
final class TimeGuard {
  private final RunContext context;

  TimeGuard(RunContext context) {
    this.context = context;
  }

  /** Requests a {@code deadline} stop when the remaining time is below the reserve. */
  void check() {
    if (context.deadline() == null) {
      return;
    }
    Duration remaining = Duration.between(context.clock().instant(), context.deadline());
    if (remaining.compareTo(context.rollbackReserve()) <= 0) {
      context.stop().request(Stop.deadline(Math.max(0, remaining.toMillis())), false);
      context.stop().check();
    }
  }

  /** The part of a pause that fits before the reserve is reached. */
  Duration fit(Duration pause) {
    if (context.deadline() == null) {
      return pause;
    }
    Instant reserveStarts = context.deadline().minus(context.rollbackReserve());
    Duration available = Duration.between(context.clock().instant(), reserveStarts);
    if (available.isNegative()) {
      return Duration.ZERO;
    }
    return pause.compareTo(available) <= 0 ? pause : available;
  }
}
