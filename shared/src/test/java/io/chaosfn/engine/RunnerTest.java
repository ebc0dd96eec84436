package io.chaosfn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.RunItem;
import io.chaosfn.experiment.Activity;
import io.chaosfn.experiment.DryMode;
import io.chaosfn.experiment.HypothesisStrategy;
import io.chaosfn.experiment.RollbackStrategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The run loop against Chaos Toolkit's status / deviated / rollback table (semantics §3.5, §3.6). */
class RunnerTest {
  private final RunFixture fixture = new RunFixture();

  private static final String EXPERIMENT = """
      {"title": "t", "description": "d",
       "steady-state-hypothesis": {"title": "h", "probes": [
         {"type": "probe", "name": "healthy", "tolerance": true,
          "provider": {"type": "python", "module": "m", "func": "healthy"}}]},
       "method": [
         {"type": "action", "name": "kill", "provider": {"type": "python", "module": "m", "func": "kill"}},
         {"type": "probe", "name": "look", "provider": {"type": "python", "module": "m", "func": "look"}}],
       "rollbacks": [
         {"type": "action", "name": "restore", "provider": {"type": "python", "module": "m", "func": "restore"}}]}
      """;

  private static List<String> names(List<RunItem> items) {
    return items.stream().map(i -> i.name() + ":" + i.status()).toList();
  }

  @Test
  void run_everythingHolds_completesNotDeviatedWithRollbacks() {
    fixture.provider.returns("healthy", BooleanNode.TRUE);

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.status()).isEqualTo("completed");
    assertThat(journal.deviated()).isFalse();
    assertThat(journal.before().steadyStateMet()).isTrue();
    assertThat(journal.after().steadyStateMet()).isTrue();
    assertThat(names(journal.run())).containsExactly("kill:succeeded", "look:succeeded");
    assertThat(names(journal.rollbacks())).containsExactly("restore:succeeded");
  }

  @Test
  void run_gateNotMetByTolerance_completesSkipsMethodAndPlaysRollbacks() {
    fixture.provider.returns("healthy", BooleanNode.FALSE);

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.status()).isEqualTo("completed");
    assertThat(journal.deviated()).isFalse();
    assertThat(journal.run()).isEmpty();
    assertThat(journal.after()).isNull();
    assertThat(names(journal.rollbacks())).containsExactly("restore:succeeded");
    assertThat(journal.before().probes().get(0).toleranceMet()).isFalse();
  }

  @Test
  void run_gateProbeErrors_failsWithoutRollbacksByDefault() {
    fixture.provider.fails("healthy", "connection refused");

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.status()).isEqualTo("failed");
    assertThat(journal.deviated()).isFalse();
    assertThat(journal.rollbacks()).isEmpty();
    assertThat(journal.before().probes().get(0).exception().get(0).asString())
        .isEqualTo("chaoslib.exceptions.ActivityFailed: connection refused\n");
  }

  @Test
  void run_gateProbeErrorsWithAlwaysStrategy_playsRollbacks() {
    fixture.provider.fails("healthy", "connection refused");
    fixture.rollbackStrategy = RollbackStrategy.ALWAYS;

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.status()).isEqualTo("failed");
    assertThat(names(journal.rollbacks())).containsExactly("restore:succeeded");
  }

  @Test
  void run_afterCheckNotMet_isCompletedAndDeviated() {
    var calls = new java.util.concurrent.atomic.AtomicInteger();
    fixture.provider.does("healthy", (a, c) -> BooleanNode.valueOf(calls.incrementAndGet() == 1));

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.status()).isEqualTo("completed");
    assertThat(journal.deviated()).isTrue();
    assertThat(journal.after().steadyStateMet()).isFalse();
    assertThat(names(journal.rollbacks())).containsExactly("restore:succeeded");
  }

  @Test
  void run_afterCheckNotMetWithDeviatedStrategy_playsRollbacks_andNotWhenItHolds() {
    fixture.rollbackStrategy = RollbackStrategy.DEVIATED;
    fixture.provider.returns("healthy", BooleanNode.TRUE);

    Journal held = fixture.run(EXPERIMENT);

    assertThat(held.rollbacks()).isEmpty();
  }

  @Test
  void run_afterCheckProbeErrors_isFailedAndDeviated() {
    var calls = new java.util.concurrent.atomic.AtomicInteger();
    fixture.provider.does("healthy", (a, c) -> {
      if (calls.incrementAndGet() > 1) {
        throw new io.chaosfn.activity.ActivityFailedException("gone");
      }
      return BooleanNode.TRUE;
    });

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.status()).isEqualTo("failed");
    assertThat(journal.deviated()).isTrue();
    assertThat(journal.rollbacks()).isEmpty();
  }

  @Test
  void run_methodActivityFails_runGoesOnAndStaysCompleted() {
    fixture.provider.returns("healthy", BooleanNode.TRUE).fails("kill", "boom");

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.status()).isEqualTo("completed");
    assertThat(names(journal.run())).containsExactly("kill:failed", "look:succeeded");
  }

  @Test
  void run_unresolvedReferenceWithoutValidation_abortsAndPlaysRollbacks() {
    String document = """
        {"title": "t", "description": "d",
         "method": [{"type": "action", "name": "a", "provider": {"type": "python", "module": "m", "func": "a"}},
                    {"ref": "pizza"}],
         "rollbacks": [{"type": "action", "name": "r", "provider": {"type": "python", "module": "m", "func": "r"}}]}
        """;

    Journal journal = fixture.run(fixture.parser().parseLeniently(RunFixture.document(document)));

    assertThat(journal.status()).isEqualTo("aborted");
    assertThat(names(journal.run())).containsExactly("a:succeeded");
    assertThat(names(journal.rollbacks())).containsExactly("r:succeeded");
  }

  @Test
  void run_pauses_areTakenBeforeAndAfterAndExcludedFromDuration() {
    String document = """
        {"title": "t", "description": "d",
         "method": [{"type": "action", "name": "a", "pauses": {"before": 2, "after": 3.5},
                     "provider": {"type": "python", "module": "m", "func": "a"}}]}
        """;

    Journal journal = fixture.run(document);

    assertThat(fixture.time.pauses).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(3500));
    assertThat(journal.run().get(0).duration()).isZero();
    assertThat(journal.duration()).isEqualTo(5.5);
  }

  @Test
  void run_dryActions_skipsActionsButRunsProbes() {
    fixture.dry = DryMode.ACTIONS;
    fixture.provider.returns("healthy", BooleanNode.TRUE).returns("look", IntNode.valueOf(3));

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.run().get(0).output().isNull()).isTrue();
    assertThat(journal.run().get(0).status()).isEqualTo("succeeded");
    assertThat(journal.run().get(1).output().asInt()).isEqualTo(3);
    assertThat(fixture.provider.calls).contains("kill (dry)", "look");
    assertThat(journal.experiment().get("dry").asString()).isEqualTo("actions");
  }

  @Test
  void run_dryPause_runsEverythingWithoutPauses() {
    fixture.dry = DryMode.PAUSE;
    String document = """
        {"title": "t", "description": "d",
         "method": [{"type": "action", "name": "a", "pauses": {"after": 10},
                     "provider": {"type": "python", "module": "m", "func": "a"}}]}
        """;

    fixture.run(document);

    assertThat(fixture.time.pauses).isEmpty();
    assertThat(fixture.provider.calls).containsExactly("a");
  }

  @Test
  void run_beforeMethodOnly_skipsTheAfterCheck() {
    fixture.hypothesisStrategy = HypothesisStrategy.BEFORE_METHOD_ONLY;

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.before()).isNotNull();
    assertThat(journal.after()).isNull();
  }

  @Test
  void run_afterMethodOnly_skipsTheGate() {
    fixture.hypothesisStrategy = HypothesisStrategy.AFTER_METHOD_ONLY;

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.before()).isNull();
    assertThat(journal.after().steadyStateMet()).isTrue();
  }

  @Test
  void run_skip_runsNoHypothesis() {
    fixture.hypothesisStrategy = HypothesisStrategy.SKIP;

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.before()).isNull();
    assertThat(journal.after()).isNull();
    assertThat(journal.during()).isEmpty();
    assertThat(names(journal.run())).hasSize(2);
  }

  @Test
  void run_continuouslyWithFailFast_failsOnTheFirstDeviationAndStopsTheMethod() throws Exception {
    fixture.hypothesisStrategy = HypothesisStrategy.DURING_METHOD_ONLY;
    fixture.failFast = true;
    fixture.frequency = Duration.ZERO;
    var firstDone = new java.util.concurrent.CountDownLatch(1);
    fixture.provider.does("healthy", (a, c) -> BooleanNode.FALSE);
    fixture.provider.does("kill", (a, c) -> {
      awaitQuietly(firstDone);
      // Real time, with a wide margin: the continuous thread sets the status right after its listeners ran.
      sleepQuietly(300);
      return BooleanNode.TRUE;
    });
    fixture.listeners.add(countDownAfter(Phase.DURING, firstDone));

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.status()).isEqualTo("failed");
    assertThat(journal.deviated()).isFalse();
    assertThat(journal.during()).hasSize(1);
    assertThat(names(journal.run())).containsExactly("kill:succeeded");
  }

  @Test
  void run_continuouslyWithFailFastAndAfterCheckNotMet_isCompletedAndDeviated() {
    Journal journal = runContinuouslyWithFailFast(BooleanNode.FALSE);

    assertThat(journal.status()).isEqualTo("completed");
    assertThat(journal.deviated()).isTrue();
    assertThat(journal.after().steadyStateMet()).isFalse();
    assertThat(names(journal.run())).containsExactly("kill:succeeded");
  }

  @Test
  void run_continuouslyWithFailFastAndAfterCheckMet_staysFailed() {
    Journal journal = runContinuouslyWithFailFast(BooleanNode.TRUE);

    assertThat(journal.status()).isEqualTo("failed");
    assertThat(journal.deviated()).isFalse();
    assertThat(journal.after().steadyStateMet()).isTrue();
  }

  /**
   * Semantics §3.2 step 13: fail-fast stops the method, yet the after-check still runs and decides. The probe is
   * met before the method, not met during it, then {@code afterCheck}.
   */
  private Journal runContinuouslyWithFailFast(BooleanNode afterCheck) {
    fixture.hypothesisStrategy = HypothesisStrategy.CONTINUOUSLY;
    fixture.failFast = true;
    fixture.frequency = Duration.ZERO;
    var checks = new java.util.concurrent.atomic.AtomicInteger();
    var duringDone = new java.util.concurrent.CountDownLatch(1);
    fixture.provider.does("healthy", (a, c) -> switch (checks.incrementAndGet()) {
      case 1 -> BooleanNode.TRUE;
      case 2 -> BooleanNode.FALSE;
      default -> afterCheck;
    });
    fixture.provider.does("kill", (a, c) -> {
      awaitQuietly(duringDone);
      // Real time, with a wide margin: the continuous thread sets the status right after its listeners ran.
      sleepQuietly(300);
      return BooleanNode.TRUE;
    });
    fixture.listeners.add(countDownAfter(Phase.DURING, duringDone));

    return fixture.run(EXPERIMENT);
  }

  private static RunListener countDownAfter(Phase hypothesisPhase, java.util.concurrent.CountDownLatch latch) {
    return new RunListener() {
      @Override
      public void hypothesisCompleted(Phase phase, io.chaosfn.engine.journal.SteadyState state) {
        if (phase == hypothesisPhase) {
          latch.countDown();
        }
      }
    };
  }

  @Test
  void run_backgroundActivities_runConcurrentlyAndAreWaitedFor() {
    var release = new java.util.concurrent.CountDownLatch(1);
    fixture.provider.does("slow", (a, c) -> {
      awaitQuietly(release);
      return IntNode.valueOf(1);
    });
    fixture.provider.does("fast", (a, c) -> {
      release.countDown();
      return IntNode.valueOf(2);
    });
    String document = """
        {"title": "t", "description": "d",
         "method": [{"type": "action", "name": "slow", "background": true,
                     "provider": {"type": "python", "module": "m", "func": "slow"}},
                    {"type": "action", "name": "fast", "provider": {"type": "python", "module": "m", "func": "fast"}}]}
        """;

    Journal journal = fixture.run(document);

    assertThat(names(journal.run())).containsExactlyInAnyOrder("slow:succeeded", "fast:succeeded");
    assertThat(journal.run()).allSatisfy(i -> assertThat(i.output().isNull()).isFalse());
  }

  @Test
  void run_signalDuringMethod_isInterruptedAndPlaysRollbacks() {
    fixture.provider.does("kill", (a, c) -> {
      fixture.stop.request(Stop.signal("SIGINT", true), false);
      return BooleanNode.TRUE;
    });

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.status()).isEqualTo("interrupted");
    assertThat(names(journal.run())).containsExactly("kill:succeeded");
    assertThat(names(journal.rollbacks())).containsExactly("restore:succeeded");
    assertThat(journal.chaosfn().path("stop").path("cause").asString()).isEqualTo("signal");
    assertThat(journal.chaosfn().path("stop").path("signal").asString()).isEqualTo("SIGINT");
  }

  @Test
  void run_signalWithNeverStrategy_playsNoRollbacks() {
    fixture.rollbackStrategy = RollbackStrategy.NEVER;
    fixture.provider.does("kill", (a, c) -> {
      fixture.stop.request(Stop.signal("SIGTERM", true), false);
      return BooleanNode.TRUE;
    });

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.status()).isEqualTo("interrupted");
    assertThat(journal.rollbacks()).isEmpty();
  }

  @Test
  void run_secondSignal_playsNoRollbacksEvenWithAlways() {
    fixture.rollbackStrategy = RollbackStrategy.ALWAYS;
    fixture.provider.does("kill", (a, c) -> {
      fixture.stop.request(Stop.signal("SIGINT", true), false);
      fixture.stop.request(Stop.signal("SIGINT", false), false);
      return BooleanNode.TRUE;
    });

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.status()).isEqualTo("interrupted");
    assertThat(journal.rollbacks()).isEmpty();
  }

  @Test
  void run_inFlightActivityCancelledBySignal_leavesAnItemWithoutStatus() {
    fixture.provider.does("kill", (a, c) -> {
      fixture.stop.request(Stop.signal("SIGINT", true), true);
      throw new io.chaosfn.activity.ActivityFailedException("interrupted while waiting");
    });

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.status()).isEqualTo("interrupted");
    assertThat(journal.run()).hasSize(1);
    assertThat(journal.run().get(0).status()).isNull();
  }

  @Test
  void run_deadlineReservedForRollbacks_stopsTheMethodAndPlaysRollbacks() {
    fixture.deadline = fixture.time.instant().plusSeconds(100);
    fixture.reserve = Duration.ofSeconds(60);
    String document = """
        {"title": "t", "description": "d",
         "method": [{"type": "action", "name": "a", "pauses": {"after": 300},
                     "provider": {"type": "python", "module": "m", "func": "a"}},
                    {"type": "action", "name": "b", "provider": {"type": "python", "module": "m", "func": "b"}}],
         "rollbacks": [{"type": "action", "name": "r", "provider": {"type": "python", "module": "m", "func": "r"}}]}
        """;

    Journal journal = fixture.run(document);

    assertThat(journal.status()).isEqualTo("interrupted");
    assertThat(fixture.time.pauses).containsExactly(Duration.ofSeconds(40));
    assertThat(names(journal.run())).containsExactly("a:succeeded");
    assertThat(names(journal.rollbacks())).containsExactly("r:succeeded");
    assertThat(journal.chaosfn().path("stop").path("cause").asString()).isEqualTo("deadline");
    assertThat(journal.chaosfn().path("stop").path("remaining_ms").asLong()).isEqualTo(60_000);
  }

  @Test
  void run_listenerThatThrows_doesNotChangeTheOutcome() {
    fixture.provider.returns("healthy", BooleanNode.TRUE);
    fixture.listeners.add(new RunListener() {
      @Override
      public void activityCompleted(Activity activity, Phase phase, RunItem item) {
        throw new IllegalStateException("notifier down");
      }
    });

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.succeeded()).isTrue();
  }

  @Test
  void run_listenerReportsFailedNotifications_recordsThemInTheJournal() {
    fixture.provider.returns("healthy", BooleanNode.TRUE);
    fixture.listeners.add(new RunListener() {
      @Override
      public List<ObjectNode> notifications() {
        return List.of(JsonNodeFactory.instance.objectNode()
            .put("channel", "#chaos").put("kind", "start").put("ok", false).put("error", "HTTP 500"));
      }
    });

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.chaosfn().path("notifications").toString())
        .isEqualTo("[{\"channel\":\"#chaos\",\"kind\":\"start\",\"ok\":false,\"error\":\"HTTP 500\"}]");
    assertThat(journal.succeeded()).isTrue();
  }

  @Test
  void run_listenerWithNothingToReport_addsNoNotifications() {
    fixture.provider.returns("healthy", BooleanNode.TRUE);

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.chaosfn().has("notifications")).isFalse();
  }

  @Test
  void run_listenerThatInterrupts_isInterruptedWithChaosToolkitRollbackRule() {
    fixture.provider.returns("healthy", BooleanNode.TRUE);
    fixture.listeners.add(new RunListener() {
      @Override
      public void activityCompleted(Activity activity, Phase phase, RunItem item) {
        if (phase == Phase.METHOD) {
          throw new RunInterruptedException(Stop.control("test", "enough"));
        }
      }
    });

    Journal journal = fixture.run(EXPERIMENT);

    assertThat(journal.status()).isEqualTo("interrupted");
    assertThat(names(journal.run())).containsExactly("kill:succeeded");
    assertThat(journal.rollbacks()).isEmpty();
  }

  @Test
  void run_journalCopy_masksInlineSecretsAndKeepsUnknownKeys() {
    String document = """
        {"title": "t", "description": "d", "x-owner": "team-a",
         "secrets": {"k8s": {"token": "s3cr3t-value", "from-env": {"type": "env", "key": "TOKEN"}}},
         "method": []}
        """;

    Journal journal = fixture.run(document);

    assertThat(journal.experiment().path("x-owner").asString()).isEqualTo("team-a");
    assertThat(journal.experiment().path("secrets").path("k8s").path("token").asString()).isEqualTo("***");
    assertThat(journal.experiment().path("secrets").path("k8s").path("from-env").path("key").asString())
        .isEqualTo("TOKEN");
    assertThat(journal.experiment().toString()).doesNotContain("s3cr3t-value");
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
    try {
      latch.await(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
