package io.chaosfn.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.RunLock;
import io.chaosfn.store.RunRecord;
import io.chaosfn.store.SourcedExperiment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweeper's flow on the local store and lock, with a run left in progress as a killed function leaves it. */
class SweepServiceTest {
  private static final Trigger SCHEDULE = new Trigger("schedule", "nightly", null, null, null);
  private static final Instant LEASE_UNTIL = FlowFixture.START.plus(Duration.ofMinutes(15));

  @TempDir
  Path temporary;
  private FlowFixture fixture;
  private RunLock.Lease lease;

  @BeforeEach
  void abandonedRun() {
    fixture = new FlowFixture(temporary);
    fixture.write("db-failover.yaml", RunServiceTest.EXPERIMENT.formatted(5));
    SourcedExperiment sourced = fixture.experiments.load("db-failover");
    lease = fixture.locks.acquire("db-failover", "01KILLEDRUN", FlowFixture.START, LEASE_UNTIL);
    fixture.journals.put(new InProgressRun("01KILLEDRUN", "db-failover", "db failover", SCHEDULE,
        FlowFixture.START, sourced.ref(), List.of(lease), LEASE_UNTIL).toRecord(fixture.engine.host()));
  }

  @Test
  void sweep_leaseExpired_marksRunInterruptedRuntimeLostAndPlaysRollbacks() {
    fixture.clock.advance(Duration.ofMinutes(20));

    List<String> swept = fixture.sweeps().sweep(fixture.clock.instant().plus(Duration.ofMinutes(5)));

    assertThat(swept).containsExactly("01KILLEDRUN");
    RunRecord stored = fixture.journals.get("01KILLEDRUN").orElseThrow();
    assertThat(stored.outcome()).isEqualTo(Outcome.INTERRUPTED);
    assertThat(stored.startedAt()).isEqualTo(FlowFixture.START);
    assertThat(stored.journal().chaosfn().path("stop").path("cause").asString()).isEqualTo("runtime-lost");
    assertThat(fixture.calls).containsExactly("app.chaos.restore");
    assertThat(fixture.events.published).singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.INTERRUPTED));
  }

  @Test
  void sweep_leaseExpired_releasesTheRunsLock() {
    fixture.clock.advance(Duration.ofMinutes(20));
    fixture.sweeps().sweep(fixture.clock.instant().plus(Duration.ofMinutes(5)));

    RunLock.Lease next = fixture.locks.acquire("db-failover", "01NEXTRUN", LEASE_UNTIL.minusSeconds(1),
        LEASE_UNTIL.plusSeconds(900));

    assertThat(next.owner()).isEqualTo("01NEXTRUN");
  }

  @Test
  void sweep_leaseStillRunning_leavesTheRunAlone() {
    fixture.clock.advance(Duration.ofMinutes(5));

    List<String> swept = fixture.sweeps().sweep(fixture.clock.instant().plus(Duration.ofMinutes(5)));

    assertThat(swept).isEmpty();
    assertThat(fixture.journals.get("01KILLEDRUN").orElseThrow().outcome()).isEqualTo(Outcome.IN_PROGRESS);
    assertThat(fixture.calls).isEmpty();
  }
}
