package io.chaosfn.store.local;

import io.chaosfn.store.RunLock;
import io.chaosfn.store.RunLockContract;

class InMemoryRunLockTest extends RunLockContract {
  @Override
  protected RunLock lock() {
    return new InMemoryRunLock();
  }
}
