package io.chaosfn.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link RunLock} does; each implementation's test extends this with a fresh lock. */
public abstract class RunLockContract {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final Instant UNTIL = NOW.plus(Duration.ofMinutes(15));

  protected abstract RunLock lock();

  private static String target() {
    return "prod/ns-" + UUID.randomUUID();
  }

  @Test
  void acquire_freeTarget_returnsLease() {
    String target = target();

    RunLock.Lease lease = lock().acquire(target, "run-1", NOW, UNTIL);

    assertThat(lease).isEqualTo(new RunLock.Lease(target, "run-1", UNTIL));
  }

  @Test
  void acquire_heldTarget_isRefusedNamingTheHolder() {
    RunLock lock = lock();
    String target = target();
    lock.acquire(target, "run-1", NOW, UNTIL);

    assertThatThrownBy(() -> lock.acquire(target, "run-2", NOW.plusSeconds(60), UNTIL.plusSeconds(60)))
        .isInstanceOfSatisfying(TargetLockedException.class,
            e -> assertThat(e.holder()).isEqualTo(new RunLock.Lease(target, "run-1", UNTIL)));
  }

  @Test
  void acquire_whenLeaseExpired_takesOver() {
    RunLock lock = lock();
    String target = target();
    lock.acquire(target, "run-1", NOW, UNTIL);

    RunLock.Lease lease = lock.acquire(target, "run-2", UNTIL.plusMillis(1), UNTIL.plusSeconds(900));

    assertThat(lease.owner()).isEqualTo("run-2");
  }

  @Test
  void release_byOwner_freesTarget() {
    RunLock lock = lock();
    String target = target();
    RunLock.Lease lease = lock.acquire(target, "run-1", NOW, UNTIL);

    lock.release(lease);

    assertThat(lock.acquire(target, "run-2", NOW, UNTIL).owner()).isEqualTo("run-2");
  }

  @Test
  void release_afterTakeOver_leavesNewOwnersLease() {
    RunLock lock = lock();
    String target = target();
    RunLock.Lease old = lock.acquire(target, "run-1", NOW, UNTIL);
    lock.acquire(target, "run-2", UNTIL.plusMillis(1), UNTIL.plusSeconds(900));

    lock.release(old);

    assertThatThrownBy(() -> lock.acquire(target, "run-3", UNTIL.plusSeconds(2), UNTIL.plusSeconds(1800)))
        .isInstanceOfSatisfying(TargetLockedException.class, e -> assertThat(e.holder().owner()).isEqualTo("run-2"));
  }

  @Test
  void acquire_otherTarget_isIndependent() {
    RunLock lock = lock();
    lock.acquire(target(), "run-1", NOW, UNTIL);

    RunLock.Lease lease = lock.acquire(target(), "run-2", NOW, UNTIL);

    assertThat(lease.owner()).isEqualTo("run-2");
  }
}
