package io.chaosfn.store;

import static io.chaosfn.store.RunFixtures.finished;
import static io.chaosfn.store.RunFixtures.inProgress;
import static io.chaosfn.store.RunFixtures.invalid;
import static io.chaosfn.store.RunFixtures.runId;
import static io.chaosfn.store.RunFixtures.skipped;
import static io.chaosfn.store.RunFixtures.startOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.JournalCodec;
import io.chaosfn.engine.journal.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JournalStore} does, whatever keeps the runs. Each implementation's test extends this class
 * and hands over an empty store per test.
 */
public abstract class JournalStoreContract {
  private static final Trigger DEPLOY = new Trigger("deploy", null, "flux", "sha-2", "d-1");

  protected JournalStore store;

  /** An empty store, private to one test. */
  protected abstract JournalStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void get_afterPut_returnsTheJournalByteForByte() {
    RunRecord run = finished("db-failover", 1, Outcome.COMPLETED);

    store.put(run);

    RunRecord stored = store.get(runId(1)).orElseThrow();
    assertThat(JournalCodec.write(stored.journal())).isEqualTo(JournalCodec.write(run.journal()));
    assertThat(stored.summary()).isEqualTo(run.summary());
  }

  @Test
  void get_unknownRun_isEmpty() {
    store.put(finished("db-failover", 1, Outcome.COMPLETED));

    assertThat(store.get(runId(2))).isEmpty();
  }

  @Test
  void get_runWithoutJournal_keepsReasonAndProblems() {
    store.put(skipped("db-failover", 2));
    store.put(invalid("db-failover", 3));

    assertThat(store.get(runId(2))).contains(skipped("db-failover", 2));
    assertThat(store.get(runId(3))).contains(invalid("db-failover", 3));
  }

  @Test
  void put_sameRunIdAgain_replacesTheRun() {
    store.put(inProgress("db-failover", 1));

    store.put(finished("db-failover", 1, Outcome.DEVIATED));

    assertThat(store.get(runId(1)).orElseThrow().outcome()).isEqualTo(Outcome.DEVIATED);
    assertThat(store.runs(RunQuery.ofExperiment("db-failover", 10)).items())
        .extracting(RunRecord::outcome).containsExactly(Outcome.DEVIATED);
  }

  @Test
  void put_inProgressAfterTheRunFinished_keepsTheFinishedRun() {
    store.put(finished("db-failover", 1, Outcome.COMPLETED));

    store.put(inProgress("db-failover", 1));

    assertThat(store.get(runId(1)).orElseThrow().outcome()).isEqualTo(Outcome.COMPLETED);
  }

  @Test
  void runs_manyPages_cursorsVisitEveryRunOnceNewestFirst() {
    IntStream.rangeClosed(1, 25).forEach(n -> store.put(finished("db-failover", n, Outcome.COMPLETED)));
    store.put(finished("other", 26, Outcome.COMPLETED));

    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    RunQuery query = RunQuery.ofExperiment("db-failover", 10);
    Page<RunRecord> page;
    do {
      page = store.runs(query);
      page.items().forEach(run -> seen.add(run.runId()));
      pageSizes.add(page.items().size());
      query = query.withCursor(page.nextCursor());
    } while (page.nextCursor() != null);

    assertThat(pageSizes).containsExactly(10, 10, 5);
    assertThat(seen).containsExactlyElementsOf(IntStream.iterate(25, n -> n >= 1, n -> n - 1)
        .mapToObj(RunFixtures::runId).toList());
  }

  @Test
  void runs_exactlyOnePageOfRuns_hasNoNextCursor() {
    IntStream.rangeClosed(1, 5).forEach(n -> store.put(finished("db-failover", n, Outcome.COMPLETED)));

    Page<RunRecord> page = store.runs(RunQuery.ofExperiment("db-failover", 5));

    assertThat(page.items()).hasSize(5);
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void runs_listing_leavesJournalsOut() {
    store.put(finished("db-failover", 1, Outcome.COMPLETED));

    RunRecord listed = store.runs(RunQuery.ofExperiment("db-failover", 10)).items().get(0);

    assertThat(listed.journal()).isNull();
    assertThat(listed).isEqualTo(finished("db-failover", 1, Outcome.COMPLETED).summary());
  }

  @Test
  void runs_byOutcome_returnsOnlyThatOutcome() {
    putMixedRuns();

    Page<RunRecord> page = store.runs(query("db-failover", Outcome.FAILED, null, null));

    assertThat(page.items()).extracting(RunRecord::runId).containsExactly(runId(4), runId(2));
  }

  @Test
  void runs_byDeviated_includesFailedRunsWhoseAfterCheckErrored() {
    putMixedRuns();
    store.put(RunRecord.of(runId(7), "db-failover",
        RunFixtures.journal("db-failover", 7, Journal.FAILED, true, Trigger.cli()), null));

    Page<RunRecord> page = store.runs(query("db-failover", null, true, null));

    assertThat(page.items()).extracting(RunRecord::runId).containsExactly(runId(7), runId(3));
  }

  @Test
  void runs_byDeviatedFalse_excludesDeviatedRuns() {
    putMixedRuns();

    Page<RunRecord> page = store.runs(query("db-failover", null, false, null));

    assertThat(page.items()).extracting(RunRecord::runId).containsExactly(runId(6), runId(5), runId(4), runId(2),
        runId(1));
  }

  @Test
  void runs_byTriggerType_returnsOnlyRunsOfThatTrigger() {
    putMixedRuns();

    Page<RunRecord> page = store.runs(query("db-failover", null, null, "deploy"));

    assertThat(page.items()).extracting(RunRecord::runId).containsExactly(runId(3));
  }

  @Test
  void runs_sinceAndUntil_returnRunsStartedInTheHalfOpenWindow() {
    putMixedRuns();

    Page<RunRecord> page = store.runs(
        new RunQuery("db-failover", null, null, null, startOf(2), startOf(5), 10, null));

    assertThat(page.items()).extracting(RunRecord::runId).containsExactly(runId(4), runId(3), runId(2));
  }

  @Test
  void runs_outcomeAcrossExperiments_returnsEveryExperimentsRunsOfThatOutcome() {
    putMixedRuns();
    store.put(finished("cache-restart", 10, Outcome.DEVIATED));

    Page<RunRecord> page = store.runs(new RunQuery(null, Outcome.DEVIATED, null, null, null, null, 10, null));

    assertThat(page.items()).extracting(RunRecord::runId).containsExactly(runId(10), runId(3));
  }

  @Test
  void runs_filteredAcrossPages_cursorsContinueTheFilter() {
    IntStream.rangeClosed(1, 30).forEach(n -> store.put(
        finished("db-failover", n, n % 3 == 0 ? Outcome.DEVIATED : Outcome.COMPLETED)));
    RunQuery first = query("db-failover", Outcome.DEVIATED, null, null);
    RunQuery small = new RunQuery(first.experimentId(), first.outcome(), null, null, null, null, 4, null);

    Page<RunRecord> one = store.runs(small);
    Page<RunRecord> two = store.runs(small.withCursor(one.nextCursor()));

    assertThat(one.items()).extracting(RunRecord::runId).containsExactly(runId(30), runId(27), runId(24), runId(21));
    assertThat(two.items()).extracting(RunRecord::runId).containsExactly(runId(18), runId(15), runId(12), runId(9));
  }

  @Test
  void runs_tamperedCursor_isRejectedWithAMessage() {
    IntStream.rangeClosed(1, 3).forEach(n -> store.put(finished("db-failover", n, Outcome.COMPLETED)));
    String cursor = store.runs(RunQuery.ofExperiment("db-failover", 1)).nextCursor();
    String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);

    assertThatThrownBy(() -> store.runs(RunQuery.ofExperiment("db-failover", 1).withCursor(tampered)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cursor");
  }

  @Test
  void runs_cursorOfAnotherQuery_isRejected() {
    IntStream.rangeClosed(1, 3).forEach(n -> store.put(finished("db-failover", n, Outcome.COMPLETED)));
    String cursor = store.runs(RunQuery.ofExperiment("db-failover", 1)).nextCursor();

    assertThatThrownBy(() -> store.runs(query("db-failover", Outcome.COMPLETED, null, null).withCursor(cursor)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other filters");
  }

  @Test
  void runs_garbageCursor_isRejected() {
    assertThatThrownBy(() -> store.runs(RunQuery.ofExperiment("db-failover", 1).withCursor("%%%")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cursor");
  }

  @Test
  void experiments_listEachExperimentWithItsLatestRun() {
    putMixedRuns();
    store.put(finished("cache-restart", 10, Outcome.DEVIATED));

    List<ExperimentSummary> experiments = store.experiments();

    assertThat(experiments).containsExactly(
        new ExperimentSummary("cache-restart", "title of cache-restart", Outcome.DEVIATED, runId(10), startOf(10)),
        new ExperimentSummary("db-failover", "title of db-failover", Outcome.COMPLETED, runId(6), startOf(6)));
  }

  @Test
  void history_afterMixedRuns_equalsTheHistoryComputedFromTheRuns() {
    List<RunRecord> runs = putMixedRuns();

    ExperimentHistory history = store.history("db-failover").orElseThrow();

    assertThat(history).isEqualTo(ExperimentHistory.of("db-failover", runs));
  }

  @Test
  void history_afterAnInProgressRunFinished_countsItOnce() {
    store.put(finished("db-failover", 1, Outcome.COMPLETED));
    store.put(inProgress("db-failover", 2));
    store.put(skipped("db-failover", 3));

    store.put(finished("db-failover", 2, Outcome.COMPLETED));

    ExperimentHistory history = store.history("db-failover").orElseThrow();
    assertThat(history.count(Outcome.COMPLETED)).isEqualTo(2);
    assertThat(history.count(Outcome.IN_PROGRESS)).isZero();
    assertThat(history.streak()).isEqualTo(new ExperimentHistory.Streak(Outcome.COMPLETED, 2));
    assertThat(history.lastRun().runId()).isEqualTo(runId(3));
  }

  @Test
  void history_unknownExperiment_isEmpty() {
    assertThat(store.history("nothing-ran")).isEmpty();
  }

  @Test
  void put_concurrentWriters_keepEveryRun() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int n = 1; n <= 40; n++) {
        RunRecord run = finished("db-failover", n, n % 5 == 0 ? Outcome.DEVIATED : Outcome.COMPLETED);
        writes.add(pool.submit(() -> store.put(run)));
      }
      for (Future<?> write : writes) {
        write.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(store.runs(RunQuery.ofExperiment("db-failover", 100)).items()).hasSize(40);
    ExperimentHistory history = store.history("db-failover").orElseThrow();
    assertThat(history.count(Outcome.COMPLETED)).isEqualTo(32);
    assertThat(history.count(Outcome.DEVIATED)).isEqualTo(8);
  }

  /** Runs 1..6 of db-failover: completed, failed, deviated (deploy), failed, completed, completed. */
  private List<RunRecord> putMixedRuns() {
    List<RunRecord> runs = List.of(
        finished("db-failover", 1, Outcome.COMPLETED),
        finished("db-failover", 2, Outcome.FAILED),
        finished("db-failover", 3, Outcome.DEVIATED, DEPLOY),
        finished("db-failover", 4, Outcome.FAILED),
        finished("db-failover", 5, Outcome.COMPLETED),
        finished("db-failover", 6, Outcome.COMPLETED));
    runs.forEach(store::put);
    return runs;
  }

  private static RunQuery query(String experimentId, Outcome outcome, Boolean deviated, String triggerType) {
    return new RunQuery(experimentId, outcome, deviated, triggerType, null, null, 10, null);
  }
}
