package io.chaosfn.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.RunRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RunExperiment's flow on the local store, lock and source, with fake time. */
class RunServiceTest {
  static final String EXPERIMENT = """
      title: db failover
      description: kill the leader, expect the replica to take over
      extensions:
        - name: chaosfn
          id: db-failover
      steady-state-hypothesis:
        title: healthy
        probes:
          - type: probe
            name: healthy
            tolerance: true
            provider: {type: python, module: app.checks, func: healthy}
      method:
        - type: action
          name: kill
          provider: {type: python, module: app.chaos, func: kill}
          pauses: {after: %s}
      rollbacks:
        - type: action
          name: restore
          provider: {type: python, module: app.chaos, func: restore}
      """;
  private static final Trigger SCHEDULE = new Trigger("schedule", "nightly", null, null, null);

  @TempDir
  Path temporary;
  private FlowFixture fixture;
  private Instant deadline;

  @BeforeEach
  void setUp() {
    fixture = new FlowFixture(temporary);
    fixture.write("db-failover.yaml", EXPERIMENT.formatted(5));
    deadline = FlowFixture.START.plus(Duration.ofMinutes(15));
  }

  private static RunRequest scheduled(String executionId) {
    return new RunRequest("db-failover", SCHEDULE, null, executionId, FlowFixture.START);
  }

  @Test
  void run_validExperiment_storesCompletedJournalAndPublishesFinished() {
    RunResult result = fixture.runs().run(scheduled("exec-1"), deadline);

    assertThat(result.outcome()).as(String.valueOf(result.reason())).isEqualTo(Outcome.COMPLETED);
    assertThat(fixture.calls).containsExactly("app.checks.healthy", "app.chaos.kill", "app.checks.healthy",
        "app.chaos.restore");
    RunRecord stored = fixture.journals.get(result.runId()).orElseThrow();
    assertThat(stored.journal().status()).isEqualTo("completed");
    assertThat(stored.journal().chaosfn().path("trigger").path("name").asString()).isEqualTo("nightly");
    assertThat(fixture.events.published).singleElement()
        .satisfies(e -> assertThat(e.runId()).isEqualTo(result.runId()));
  }

  @Test
  void run_sameDeliveryAgain_returnsStoredRunWithoutRunning() {
    RunResult first = fixture.runs().run(scheduled("exec-1"), deadline);
    fixture.calls.clear();

    RunResult again = fixture.runs().run(scheduled("exec-1"), deadline);

    assertThat(again.runId()).isEqualTo(first.runId());
    assertThat(again.repeated()).isTrue();
    assertThat(fixture.calls).isEmpty();
    assertThat(fixture.events.published).hasSize(1);
  }

  @Test
  void run_invalidExperiment_storesInvalidRunAndExecutesNothing() {
    fixture.write("broken.yaml", "title: broken\ndescription: an action without a provider\n"
        + "method:\n  - type: action\n    name: nothing\n");

    RunResult result = fixture.runs().run(new RunRequest("broken", SCHEDULE, null, "exec-2", null), deadline);

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(fixture.calls).isEmpty();
    RunRecord stored = fixture.journals.get(result.runId()).orElseThrow();
    assertThat(stored.problems()).isNotEmpty();
    assertThat(stored.journal()).isNull();
  }

  @Test
  void run_targetLockedByAnotherRun_storesSkippedRunNamingTheHolder() {
    fixture.locks.acquire("db-failover", "01OTHERRUN", FlowFixture.START, deadline);

    RunResult result = fixture.runs().run(scheduled("exec-3"), deadline);

    assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(fixture.calls).isEmpty();
    assertThat(fixture.journals.get(result.runId()).orElseThrow().reason())
        .contains("db-failover").contains("01OTHERRUN");
  }

  @Test
  void run_finished_releasesItsLock() {
    fixture.runs().run(scheduled("exec-4"), deadline);

    RunResult next = fixture.runs().run(scheduled("exec-5"), deadline);

    assertThat(next.outcome()).isEqualTo(Outcome.COMPLETED);
  }

  @Test
  void run_publishingFails_recordsTheFailureAndKeepsTheStatus() {
    fixture.events.failing = true;

    RunResult result = fixture.runs().run(scheduled("exec-6"), deadline);

    assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
    RunRecord stored = fixture.journals.get(result.runId()).orElseThrow();
    assertThat(stored.journal().chaosfn().path("notifications").get(0).path("error").asString())
        .contains("bus unreachable");
    assertThat(stored.journal().status()).isEqualTo("completed");
  }

  @Test
  void run_declaredPausesExceedTheInvocation_isInvalidWithTheArithmetic() {
    fixture.write("db-failover.yaml", EXPERIMENT.formatted(900));

    RunResult result = fixture.runs().run(scheduled("exec-7"), deadline);

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(fixture.calls).isEmpty();
    assertThat(fixture.journals.get(result.runId()).orElseThrow().problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("900 s of pauses").contains("840 s")
            .contains("900 s remaining - 60 s reserve"));
  }

  @Test
  void run_remainingTimeFallsBelowReserve_isInterruptedByTheDeadlineAndRollsBack() {
    fixture.write("db-failover.yaml", EXPERIMENT.formatted(0).replace("method:\n", """
        method:
          - type: action
            name: slow
            provider: {type: python, module: app.chaos, func: slow, arguments: {takes_seconds: 200}}
        """));
    Instant tight = FlowFixture.START.plus(Duration.ofSeconds(230));

    RunResult result = fixture.runs().run(scheduled("exec-8"), tight);

    RunRecord stored = fixture.journals.get(result.runId()).orElseThrow();
    assertThat(stored.outcome()).isEqualTo(Outcome.INTERRUPTED);
    assertThat(stored.journal().chaosfn().path("stop").path("cause").asString()).isEqualTo("deadline");
    assertThat(fixture.calls).doesNotContain("app.chaos.kill").endsWith("app.chaos.restore");
  }
}
