package io.chaosfn.store.local;

import io.chaosfn.store.Delivery;
import io.chaosfn.store.DeliveryLog;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The delivery log of one process (the sandbox, the CLI, tests): deliveries live in memory for their retention
 * and are lost when the process ends.
 */
public final class InMemoryDeliveryLog implements DeliveryLog {
  private final ConcurrentMap<Delivery, Instant> expiries = new ConcurrentHashMap<>();

  @Override
  public boolean record(Delivery delivery, Instant now) {
    AtomicBoolean recorded = new AtomicBoolean();
    expiries.compute(delivery, (key, expiresAt) -> {
      if (expiresAt != null && expiresAt.isAfter(now)) {
        return expiresAt;
      }
      recorded.set(true);
      return Delivery.expiresAt(now);
    });
    return recorded.get();
  }

  @Override
  public void forget(Delivery delivery) {
    expiries.remove(delivery);
  }
}
