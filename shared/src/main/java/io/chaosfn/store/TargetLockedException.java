package io.chaosfn.store;

import io.chaosfn.ChaosfnException;
import io.chaosfn.engine.journal.Timestamps;

/** A run could not take its target: another run holds it. The run is recorded as {@code skipped}. */
public class TargetLockedException extends ChaosfnException {
  private static final long serialVersionUID = 1L;
  private final transient RunLock.Lease holder;

  public TargetLockedException(RunLock.Lease holder) {
    super("target " + holder.target() + " is locked by run " + holder.owner() + " until "
        + Timestamps.format(holder.until()));
    this.holder = holder;
  }

  /** The lease that is in the way. */
  public RunLock.Lease holder() {
    return holder;
  }
}
