package io.chaosfn.engine;

import io.chaosfn.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A settable clock and a sleeper that advances it instead of waiting: pauses cost no real time in tests. */
public final class FakeTime extends MutableClock implements Sleeper {
  public final List<Duration> pauses = new CopyOnWriteArrayList<>();

  public FakeTime(Instant start) {
    super(start);
  }

  @Override
  public boolean pause(Duration duration, StopSignal stop, int mark) {
    pauses.add(duration);
    advance(duration);
    return stop.requestedSince(mark);
  }
}
