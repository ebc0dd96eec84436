package io.chaosfn.store.local;

import io.chaosfn.store.DeliveryLog;
import io.chaosfn.store.DeliveryLogContract;

/** The contract in memory. */
class InMemoryDeliveryLogTest extends DeliveryLogContract {
  @Override
  protected DeliveryLog newLog() {
    return new InMemoryDeliveryLog();
  }
}
