package io.chaosfn.store;

import static io.chaosfn.store.RunFixtures.finished;
import static io.chaosfn.store.RunFixtures.inProgress;
import static io.chaosfn.store.RunFixtures.runId;
import static io.chaosfn.store.RunFixtures.skipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.store.ExperimentHistory.Streak;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentHistoryTest {
  private static Trigger deploy(String revision) {
    return new Trigger("deploy", null, "flux", revision, "d-" + revision);
  }

  @Test
  void of_mixedRuns_countsSuccessRateOverExecutedRuns() {
    ExperimentHistory history = ExperimentHistory.of("db", List.of(
        finished("db", 1, Outcome.COMPLETED), finished("db", 2, Outcome.DEVIATED),
        finished("db", 3, Outcome.COMPLETED), finished("db", 4, Outcome.FAILED), skipped("db", 5)));

    assertThat(history.executedRuns()).isEqualTo(4);
    assertThat(history.successRate()).hasValue(0.5);
    assertThat(history.count(Outcome.SKIPPED)).isEqualTo(1);
  }

  @Test
  void of_noExecutedRun_hasNoSuccessRate() {
    ExperimentHistory history = ExperimentHistory.of("db", List.of(skipped("db", 1)));

    assertThat(history.successRate()).isEmpty();
    assertThat(history.streak()).isNull();
  }

  @Test
  void of_runsInAnyOrder_followsRunIdOrder() {
    ExperimentHistory history = ExperimentHistory.of("db", List.of(
        finished("db", 3, Outcome.COMPLETED), finished("db", 1, Outcome.DEVIATED), finished("db", 2, Outcome.COMPLETED)));

    assertThat(history.streak()).isEqualTo(new Streak(Outcome.COMPLETED, 2));
    assertThat(history.lastRun().runId()).isEqualTo(runId(3));
  }

  @Test
  void of_deviationThenRecovery_remembersTheLastDeviationAndTheRevisionOfTheChange() {
    ExperimentHistory history = ExperimentHistory.of("db", List.of(
        finished("db", 1, Outcome.COMPLETED, deploy("r1")),
        finished("db", 2, Outcome.DEVIATED, deploy("r2")),
        finished("db", 3, Outcome.COMPLETED, deploy("r3")),
        finished("db", 4, Outcome.COMPLETED, deploy("r4"))));

    assertThat(history.lastDeviation().runId()).isEqualTo(runId(2));
    assertThat(history.lastDeviation().revision()).isEqualTo("r2");
    assertThat(history.streak()).isEqualTo(new Streak(Outcome.COMPLETED, 2));
    assertThat(history.revisionAtLastChange()).isEqualTo("r3");
  }

  @Test
  void of_skippedRunBetweenTwoSuccesses_doesNotBreakTheStreak() {
    ExperimentHistory history = ExperimentHistory.of("db", List.of(
        finished("db", 1, Outcome.COMPLETED), skipped("db", 2), finished("db", 3, Outcome.COMPLETED)));

    assertThat(history.streak()).isEqualTo(new Streak(Outcome.COMPLETED, 2));
  }

  @Test
  void of_latestRunSkipped_isTheLastRun() {
    ExperimentHistory history = ExperimentHistory.of("db", List.of(
        finished("db", 1, Outcome.COMPLETED), skipped("db", 2)));

    assertThat(history.summary()).isEqualTo(new ExperimentSummary("db", "title of db", Outcome.SKIPPED, runId(2),
        RunFixtures.startOf(2)));
  }

  @Test
  void fold_olderRunThanTheLatest_asksForARebuild() {
    ExperimentHistory history = ExperimentHistory.of("db", List.of(finished("db", 2, Outcome.COMPLETED)));

    assertThat(history.fold(finished("db", 1, Outcome.COMPLETED), null)).isEmpty();
  }

  @Test
  void fold_sameRunAgain_changesNothing() {
    RunRecord run = finished("db", 1, Outcome.COMPLETED);
    ExperimentHistory history = ExperimentHistory.of("db", List.of(run));

    assertThat(history.fold(run, run)).contains(history);
  }

  @Test
  void fold_finishedVersionOfTheCountedInProgressRun_replacesItsCount() {
    ExperimentHistory history = ExperimentHistory.of("db", List.of(inProgress("db", 1)));

    ExperimentHistory folded = history.fold(finished("db", 1, Outcome.DEVIATED), inProgress("db", 1)).orElseThrow();

    assertThat(folded.counts()).isEqualTo(Map.of(Outcome.DEVIATED, 1));
    assertThat(folded.streak()).isEqualTo(new Streak(Outcome.DEVIATED, 1));
  }

  @Test
  void fold_finishedRunChangingItsOutcome_asksForARebuild() {
    ExperimentHistory history = ExperimentHistory.of("db", List.of(finished("db", 1, Outcome.INTERRUPTED)));

    assertThat(history.fold(finished("db", 1, Outcome.COMPLETED), finished("db", 1, Outcome.INTERRUPTED)))
        .isEmpty();
  }

  @Test
  void fold_runOfAnotherExperiment_isRefused() {
    assertThatThrownBy(() -> ExperimentHistory.empty("db").fold(finished("cache", 1, Outcome.COMPLETED), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache");
  }

  @Test
  void constructor_negativeCount_isRefused() {
    assertThatThrownBy(() -> new ExperimentHistory("db", null, null, null, Map.of(Outcome.FAILED, -1), null, null,
        null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
  }

  @Test
  void streak_ofZeroRuns_isRefused() {
    assertThatThrownBy(() -> new Streak(Outcome.COMPLETED, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
