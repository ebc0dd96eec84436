package io.chaosfn.store.local;

import io.chaosfn.store.RunLock;
import io.chaosfn.store.TargetLockedException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Target locks within one process, for the CLI and the sandbox where one JVM runs everything. Same lease rules as
 * the DynamoDB lock: a lease that ended before {@code now} is taken over.
 */
public final class InMemoryRunLock implements RunLock {
  private final Map<String, Lease> leases = new HashMap<>();

  @Override
  public synchronized Lease acquire(String target, String owner, Instant now, Instant until) {
    Lease held = leases.get(target);
    if (held != null && !held.until().isBefore(now)) {
      throw new TargetLockedException(held);
    }
    Lease lease = new Lease(target, owner, until);
    leases.put(target, lease);
    return lease;
  }

  @Override
  public synchronized void release(Lease lease) {
    leases.computeIfPresent(lease.target(), (target, held) -> held.owner().equals(lease.owner()) ? null : held);
  }
}
