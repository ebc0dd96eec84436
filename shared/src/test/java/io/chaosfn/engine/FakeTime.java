package io.chaosfn.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A settable clock and a sleeper that advances it instead of waiting: pauses cost no real time in tests. */
public final class FakeTime extends Clock implements Sleeper {
  private volatile Instant now;
  public final List<Duration> pauses = new CopyOnWriteArrayList<>();

  public FakeTime(Instant start) {
    this.now = start;
  }

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public boolean pause(Duration duration, StopSignal stop, int mark) {
    pauses.add(duration);
    advance(duration);
    return stop.requestedSince(mark);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
