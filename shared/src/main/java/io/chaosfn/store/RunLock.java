package io.chaosfn.store;

import java.time.Instant;

/**
 * Serialises runs per target (architecture.md: "locks serialise per target, other targets run in parallel").
 * A lock is a lease: it expires by itself at {@code until}, so a run whose function was killed frees its target
 * without anyone releasing it.
 *
 * <p>Safe for concurrent callers across processes: of two callers acquiring the same free target, exactly one
 * succeeds. Time enters as arguments, never from a clock inside the implementation.
 *
 * @throws StoreUnavailableException from any method when the backing store cannot be reached
 */
public interface RunLock {
  /**
   * Takes the target for {@code owner} until {@code until}, when nobody holds it or the holder's lease ended
   * before {@code now}.
   *
   * @throws TargetLockedException when another lease (or an earlier lease of the same owner) is still running;
   *     it names the holder and when its lease ends
   */
  Lease acquire(String target, String owner, Instant now, Instant until);

  /** Frees the target when this lease's owner still holds it; does nothing when it was taken over since. */
  void release(Lease lease);

  /** One lease on one target. */
  record Lease(String target, String owner, Instant until) {
    public Lease {
      if (target == null || target.isEmpty() || owner == null || owner.isEmpty() || until == null) {
        throw new IllegalArgumentException("a lease names a target, an owner and its end");
      }
    }
  }
}
