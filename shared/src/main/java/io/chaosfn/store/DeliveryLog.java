package io.chaosfn.store;

import java.time.Instant;

/**
 * Remembers which webhook deliveries were handled, so a sender's retry of the same delivery starts nothing
 * again. A delivery is remembered for {@link Delivery#RETENTION} after it was first recorded.
 *
 * <p>Concurrent callers: of any number of {@link #record} calls for the same delivery within its retention,
 * exactly one returns {@code true}. Implementations must make that one conditional write, not a read then a
 * write.
 */
public interface DeliveryLog {
  /**
   * Records {@code delivery} as first seen at {@code now}, unless it is already recorded and not expired.
   *
   * @return true when this call recorded it (handle the delivery), false when it was already recorded (a
   *     duplicate: do nothing)
   * @throws StoreUnavailableException when the log cannot be reached; nothing was recorded then
   */
  boolean record(Delivery delivery, Instant now);

  /**
   * Forgets {@code delivery}, so that the sender's retry is handled as new: for when recording succeeded but
   * handling the delivery then failed. Forgetting an unknown delivery does nothing.
   *
   * @throws StoreUnavailableException when the log cannot be reached
   */
  void forget(Delivery delivery);
}
