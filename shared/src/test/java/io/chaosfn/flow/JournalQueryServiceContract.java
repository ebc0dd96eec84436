package io.chaosfn.flow;

import static io.chaosfn.store.RunFixtures.finished;
import static io.chaosfn.store.RunFixtures.invalid;
import static io.chaosfn.store.RunFixtures.runId;
import static io.chaosfn.store.RunFixtures.skipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.engine.journal.JournalCodec;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.experiment.Problem;
import io.chaosfn.store.JournalStore;
import io.chaosfn.store.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The journal queries over any {@link JournalStore}: each implementation's test hands over an empty store. Runs
 * n start n minutes after {@link io.chaosfn.store.RunFixtures#EPOCH} (2025-03-01T10:00Z).
 */
abstract class JournalQueryServiceContract {
  private static final Trigger DEPLOY = new Trigger("deploy", null, "flux", "sha-7", "d-7");

  protected JournalStore store;
  protected JournalQueryService queries;

  protected abstract JournalStore newStore();

  @BeforeEach
  void createService() {
    store = newStore();
    queries = new JournalQueryService(store);
  }

  private static List<String> runIds(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("runs").values().forEach(run -> ids.add(run.get("run_id").asString()));
    return ids;
  }

  @Test
  void experiments_twoExperiments_listsEachWithItsLastOutcome() {
    store.put(finished("alpha", 1, Outcome.COMPLETED));
    store.put(finished("alpha", 2, Outcome.DEVIATED));
    store.put(finished("beta", 3, Outcome.FAILED));

    ObjectNode answer = queries.experiments(Map.of());

    assertThat(answer.get("experiments").values()).extracting(e -> e.get("experiment_id").asString())
        .containsExactly("alpha", "beta");
    JsonNode alpha = answer.get("experiments").get(0);
    assertThat(alpha.get("last_outcome").asString()).isEqualTo("deviated");
    assertThat(alpha.get("last_run_id").asString()).isEqualTo(runId(2));
    assertThat(alpha.get("last_run_at").asString()).isEqualTo("2025-03-01T10:02:00+00:00");
    assertThat(alpha.get("title").asString()).isEqualTo("title of alpha");
  }

  @Test
  void experiments_emptyStore_isAnEmptyList() {
    ObjectNode answer = queries.experiments(Map.of());

    assertThat(answer.get("experiments").isArray()).isTrue();
    assertThat(answer.get("experiments").size()).isZero();
  }

  @Test
  void runs_byStatus_returnsOnlyThatOutcomeNewestFirst() {
    store.put(finished("alpha", 1, Outcome.DEVIATED));
    store.put(finished("alpha", 2, Outcome.COMPLETED));
    store.put(finished("alpha", 3, Outcome.DEVIATED));

    ObjectNode page = queries.runs("alpha", Map.of("status", "deviated"));

    assertThat(runIds(page)).containsExactly(runId(3), runId(1));
    assertThat(page.get("next_cursor").isNull()).isTrue();
  }

  @Test
  void runs_deviatedFalseAndTrigger_combineBothFilters() {
    store.put(finished("alpha", 1, Outcome.COMPLETED, DEPLOY));
    store.put(finished("alpha", 2, Outcome.DEVIATED, DEPLOY));
    store.put(finished("alpha", 3, Outcome.COMPLETED));

    ObjectNode page = queries.runs("alpha", Map.of("deviated", "false", "trigger", "deploy"));

    assertThat(runIds(page)).containsExactly(runId(1));
  }

  @Test
  void runs_sinceInstantUntilDate_returnTheHalfOpenWindow() {
    store.put(finished("alpha", 1, Outcome.COMPLETED));
    store.put(finished("alpha", 2, Outcome.COMPLETED));
    store.put(finished("alpha", 24 * 60, Outcome.COMPLETED));

    ObjectNode page = queries.runs("alpha", Map.of("since", "2025-03-01T10:02:00Z", "until", "2025-03-02"));

    assertThat(runIds(page)).containsExactly(runId(2));
  }

  @Test
  void runs_sinceWithOffset_isTheSameInstantInUtc() {
    store.put(finished("alpha", 1, Outcome.COMPLETED));
    store.put(finished("alpha", 2, Outcome.COMPLETED));

    ObjectNode page = queries.runs("alpha", Map.of("since", "2025-03-01T12:02:00+02:00"));

    assertThat(runIds(page)).containsExactly(runId(2));
  }

  @Test
  void runs_limitAndCursor_walkEveryRunOnce() {
    for (int n = 1; n <= 5; n++) {
      store.put(finished("alpha", n, Outcome.COMPLETED));
    }
    List<String> seen = new ArrayList<>();
    Map<String, String> parameters = new HashMap<>(Map.of("limit", "2"));

    ObjectNode page;
    do {
      page = queries.runs("alpha", parameters);
      seen.addAll(runIds(page));
      parameters.put("cursor", page.get("next_cursor").asString());
    } while (!page.get("next_cursor").isNull());

    assertThat(seen).containsExactly(runId(5), runId(4), runId(3), runId(2), runId(1));
  }

  @Test
  void runs_alteredCursor_isRefusedNamingTheCursor() {
    for (int n = 1; n <= 3; n++) {
      store.put(finished("alpha", n, Outcome.COMPLETED));
    }
    String cursor = queries.runs("alpha", Map.of("limit", "1")).get("next_cursor").asString();
    String altered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);

    assertThatThrownBy(() -> queries.runs("alpha", Map.of("limit", "1", "cursor", altered)))
        .isInstanceOfSatisfying(InvalidQueryException.class, e ->
            assertThat(e.problems()).extracting(Problem::path).containsExactly("cursor"));
  }

  @Test
  void runs_cursorOfOtherFilters_isRefusedNamingTheCursor() {
    for (int n = 1; n <= 3; n++) {
      store.put(finished("alpha", n, Outcome.COMPLETED));
    }
    String cursor = queries.runs("alpha", Map.of("limit", "1")).get("next_cursor").asString();

    assertThatThrownBy(() -> queries.runs("alpha", Map.of("limit", "1", "status", "completed", "cursor", cursor)))
        .isInstanceOfSatisfying(InvalidQueryException.class, e ->
            assertThat(e.problems()).extracting(Problem::path).containsExactly("cursor"));
  }

  @Test
  void runs_unknownExperiment_isNotFound() {
    store.put(finished("alpha", 1, Outcome.COMPLETED));

    assertThatThrownBy(() -> queries.runs("gamma", Map.of())).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("gamma");
  }

  @Test
  void runs_knownExperimentWithoutMatches_isAnEmptyPage() {
    store.put(finished("alpha", 1, Outcome.COMPLETED));

    ObjectNode page = queries.runs("alpha", Map.of("status", "failed"));

    assertThat(runIds(page)).isEmpty();
  }

  @Test
  void runs_listing_describesEachRunWithoutItsJournal() {
    store.put(finished("alpha", 1, Outcome.DEVIATED, DEPLOY));

    JsonNode run = queries.runs("alpha", Map.of()).get("runs").get(0);

    assertThat(run.propertyNames()).containsExactly("run_id", "experiment_id", "outcome", "deviated", "title",
        "trigger", "started_at", "ended_at", "experiment_version", "reason", "problems");
    assertThat(run.get("trigger").get("revision").asString()).isEqualTo("sha-7");
    assertThat(run.get("ended_at").asString()).isEqualTo("2025-03-01T10:01:30+00:00");
  }

  @Test
  void runsWithOutcome_acrossExperiments_returnsEachExperimentsRunsOfThatOutcome() {
    store.put(finished("alpha", 1, Outcome.DEVIATED));
    store.put(finished("beta", 2, Outcome.DEVIATED));
    store.put(finished("beta", 3, Outcome.COMPLETED));

    ObjectNode page = queries.runsWithOutcome(Map.of("outcome", "deviated"));

    assertThat(runIds(page)).containsExactly(runId(2), runId(1));
  }

  @Test
  void runsWithOutcome_since_leavesOlderRunsOut() {
    store.put(finished("alpha", 1, Outcome.DEVIATED));
    store.put(finished("beta", 2, Outcome.DEVIATED));

    ObjectNode page = queries.runsWithOutcome(Map.of("outcome", "deviated", "since", "2025-03-01T10:02:00Z"));

    assertThat(runIds(page)).containsExactly(runId(2));
  }

  @Test
  void run_finished_isTheJournalInChaosToolkitKeyOrder() {
    store.put(finished("alpha", 1, Outcome.COMPLETED));

    ObjectNode journal = queries.run(runId(1), Map.of());

    assertThat(JournalCodec.pretty(journal))
        .isEqualTo(new String(JournalCodec.write(store.get(runId(1)).orElseThrow().journal())));
    assertThat(journal.propertyNames()).startsWith("chaoslib-version", "platform", "node", "experiment", "start");
  }

  @Test
  void run_skipped_isItsRecordWithTheReason() {
    store.put(skipped("alpha", 2));

    ObjectNode run = queries.run(runId(2), Map.of());

    assertThat(run.get("outcome").asString()).isEqualTo("skipped");
    assertThat(run.get("reason").asString()).isEqualTo("target prod/default is locked by run " + runId(1));
  }

  @Test
  void run_invalid_isItsRecordWithTheProblems() {
    store.put(invalid("alpha", 1));

    ObjectNode run = queries.run(runId(1), Map.of());

    assertThat(run.get("outcome").asString()).isEqualTo("invalid");
    assertThat(run.get("problems").get(0).get("path").asString()).isEqualTo("method[0].provider.url");
    assertThat(run.get("problems").get(0).get("message").asString()).isEqualTo("required");
  }

  @Test
  void run_unknown_isNotFound() {
    store.put(finished("alpha", 1, Outcome.COMPLETED));

    assertThatThrownBy(() -> queries.run(runId(9), Map.of())).isInstanceOf(NotFoundException.class)
        .hasMessageContaining(runId(9));
  }

  @Test
  void run_idThatCannotBeARunId_isNotFound() {
    assertThatThrownBy(() -> queries.run("../etc/passwd", Map.of())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void summary_mixedRuns_reportsRateStreakLastDeviationAndRevision() {
    store.put(finished("alpha", 1, Outcome.DEVIATED, new Trigger("deploy", null, "flux", "sha-1", "d-1")));
    store.put(finished("alpha", 2, Outcome.COMPLETED, new Trigger("deploy", null, "flux", "sha-2", "d-2")));
    store.put(skipped("alpha", 3));
    store.put(finished("alpha", 4, Outcome.COMPLETED, new Trigger("deploy", null, "flux", "sha-4", "d-4")));

    ObjectNode summary = queries.summary("alpha", Map.of());

    assertThat(summary.get("success_rate").asDouble()).isEqualTo(2.0 / 3);
    assertThat(summary.get("executed_runs").asInt()).isEqualTo(3);
    assertThat(summary.get("runs").get("skipped").asInt()).isEqualTo(1);
    assertThat(summary.get("current_streak").get("outcome").asString()).isEqualTo("completed");
    assertThat(summary.get("current_streak").get("length").asInt()).isEqualTo(2);
    assertThat(summary.get("last_deviation").get("run_id").asString()).isEqualTo(runId(1));
    assertThat(summary.get("revision_at_last_change").asString()).isEqualTo("sha-2");
    assertThat(summary.get("last_run").get("outcome").asString()).isEqualTo("completed");
  }

  @Test
  void summary_onlySkippedRuns_hasNoRateStreakOrDeviation() {
    store.put(skipped("alpha", 2));

    ObjectNode summary = queries.summary("alpha", Map.of());

    assertThat(summary.get("success_rate").isNull()).isTrue();
    assertThat(summary.get("current_streak").isNull()).isTrue();
    assertThat(summary.get("last_deviation").isNull()).isTrue();
  }

  @Test
  void summary_unknownExperiment_isNotFound() {
    assertThatThrownBy(() -> queries.summary("gamma", Map.of())).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("gamma");
  }
}
