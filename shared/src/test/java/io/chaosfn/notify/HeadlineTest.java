package io.chaosfn.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.store.ExperimentHistory;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlineTest {
  /** The history of runs with these outcomes, the i-th deployed at revision {@code r<i>}. */
  private static ExperimentHistory history(Outcome... outcomes) {
    List<RunRecord> runs = new ArrayList<>();
    for (int i = 0; i < outcomes.length; i++) {
      runs.add(new RunRecord("01JRUN" + i, "frontend", outcomes[i], outcomes[i] == Outcome.DEVIATED, "t",
          new Trigger("deploy", null, "flux", "r" + i, null), Instant.parse("2026-11-27T10:00:00Z").plusSeconds(i),
          null, null, null, List.of(), null));
    }
    return ExperimentHistory.of("frontend", runs);
  }

  @Test
  void of_deviatesAfterAHeldRun_isNewlyDeviatingSinceThisRevision() {
    assertThat(Headline.of(history(Outcome.COMPLETED), Outcome.DEVIATED, "v2"))
        .contains("Newly deviating since v2");
  }

  @Test
  void of_deviatesAfterAHeldRunWithoutRevision_isNewlyDeviating() {
    assertThat(Headline.of(history(Outcome.COMPLETED), Outcome.DEVIATED, null)).contains("Newly deviating");
  }

  @Test
  void of_holdsAfterADeviatedRun_isRecoveredAtThisRevision() {
    assertThat(Headline.of(history(Outcome.DEVIATED), Outcome.COMPLETED, "v3")).contains("Recovered at v3");
  }

  @Test
  void of_deviatesAgain_isStillDeviatingCountingThisRun() {
    ExperimentHistory previous = history(Outcome.COMPLETED, Outcome.DEVIATED, Outcome.DEVIATED);

    assertThat(Headline.of(previous, Outcome.DEVIATED, null)).contains("Still deviating (3 runs, since r1)");
  }

  @Test
  void of_skippedRunsBetween_compareWithTheLastExecutedRun() {
    ExperimentHistory previous = history(Outcome.DEVIATED, Outcome.SKIPPED);

    assertThat(Headline.of(previous, Outcome.COMPLETED, "v4")).contains("Recovered at v4");
  }

  @Test
  void of_firstRun_hasNoHeadline() {
    assertThat(Headline.of(null, Outcome.DEVIATED, "v1")).isEmpty();
  }

  @Test
  void of_holdsAgain_hasNoHeadline() {
    assertThat(Headline.of(history(Outcome.COMPLETED), Outcome.COMPLETED, "v5")).isEmpty();
  }

  @Test
  void of_interruptedAfterADeviation_hasNoHeadline() {
    assertThat(Headline.of(history(Outcome.DEVIATED), Outcome.INTERRUPTED, null)).isEmpty();
  }
}
