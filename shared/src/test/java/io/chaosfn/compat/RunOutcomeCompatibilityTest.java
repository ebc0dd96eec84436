package io.chaosfn.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chaosfn.engine.FakeTime;
import io.chaosfn.engine.RunContext;
import io.chaosfn.engine.Runner;
import io.chaosfn.engine.Sleeper;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.RunItem;
import io.chaosfn.engine.journal.SteadyState;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.HypothesisStrategy;
import io.chaosfn.experiment.RollbackStrategy;
import io.chaosfn.experiment.document.Vars;
import io.chaosfn.flow.RunInputs;
import io.chaosfn.flow.Strategies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs each of the 25 rows of {@code observed-run-outcomes.json} (the real Chaos Toolkit runner on a fixture, a
 * hypothesis strategy, a rollback strategy from settings, and a mocked HTTP status) and compares status, deviated,
 * before/after met, the number of continuous checks, and the run and rollback items (name, status).
 *
 * <p>Stand-ins (decisions.md §5): the fixtures' Python functions run as {@link FixtureFunctions}, the control module
 * {@code fixtures.interruptexperiment} as {@link InterruptExperimentControl}, and {@code http://example.com} is a
 * {@link LoopbackHttp} answering with the row's status. Pauses take no real time (a fake clock), except in the rows
 * with a continuous hypothesis: there the method's pauses are what the loop runs during, so they take real time and
 * the number of checks is compared as a plausible range, not the oracle's exact count.
 *
 * <p>Where chaosfn deliberately differs, {@link #differences} states our outcome and why.
 */
class RunOutcomeCompatibilityTest {
  private static final Map<String, String> PATH = Map.of("PATH",
      System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));

  @TempDir
  Path fixturesDir;
  private CtkFixtures fixtures;

  /** What the oracle's row records, and what a chaosfn journal is reduced to for comparison. */
  record Outcome(String status, boolean deviated, Boolean beforeMet, Boolean afterMet, List<List<String>> run,
      List<List<String>> rollbacks) {
    static Outcome of(JsonNode row) {
      return new Outcome(row.get("status").asString(), row.get("deviated").asBoolean(), met(row.get("before_met")),
          met(row.get("after_met")), items(row.get("run")), items(row.get("rollbacks")));
    }

    static Outcome of(Journal journal) {
      return new Outcome(journal.status(), journal.deviated(), met(journal.before()), met(journal.after()),
          items(journal.run()), items(journal.rollbacks()));
    }

    Outcome withRollbacks(List<List<String>> replaced) {
      return new Outcome(status, deviated, beforeMet, afterMet, run, replaced);
    }

    private static Boolean met(JsonNode node) {
      return node.isNull() ? null : node.asBoolean();
    }

    private static Boolean met(SteadyState state) {
      return state == null ? null : state.steadyStateMet();
    }

    private static List<List<String>> items(JsonNode pairs) {
      List<List<String>> items = new ArrayList<>();
      pairs.values().forEach(p -> items.add(List.of(p.get(0).asString(), p.get(1).asString())));
      return items;
    }

    private static List<List<String>> items(List<RunItem> run) {
      return run.stream().map(i -> List.of(i.name(), String.valueOf(i.status()))).toList();
    }
  }

  @BeforeEach
  void setUp() {
    fixtures = CtkFixtures.locate(fixturesDir);
  }

  static Stream<Arguments> rows() {
    Path root = CtkFixtures.root();
    if (root == null || !Files.isRegularFile(root.resolve("observed-run-outcomes.json"))) {
      return Stream.of(Arguments.argumentSet("fixtures absent", (Object) null));
    }
    JsonNode rows = CtkFixtures.JSON.readTree(root.resolve("observed-run-outcomes.json").toFile());
    List<Arguments> arguments = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      arguments.add(Arguments.argumentSet(String.format("%02d %s, hypothesis %s, rollbacks %s, http %d%s", i + 1,
          row.get("fixture").asString(), row.get("strategy").asString(), rollbackStrategy(row).documentName(),
          row.get("http_status_mocked").asInt(), row.get("schedule").isNull() ? ""
              : ", frequency " + schedule(row).path("continuous_hypothesis_frequency").asDouble() + " s"
                  + (schedule(row).path("fail_fast").asBoolean() ? ", fail-fast" : "")), row));
    }
    return arguments.stream();
  }

  /**
   * chaosfn's expected outcome where it deliberately differs from the oracle's row; the row itself otherwise.
   */
  private static Outcome differences(JsonNode row) {
    Outcome oracle = Outcome.of(row);
    if (row.get("fixture").asString().equals("Experiment") && row.get("http_status_mocked").asInt() == 200) {
      // CTK difference (ProbeTolerance, INDEX.md "Python-level aliasing"): the gate's probe-tolerance shares its
      // arguments dict with the `path-must-exists` method probe, so Chaos Toolkit writes `value` into it and the
      // rollback that refers to that probe later fails with a TypeError. chaosfn passes `value` to a copy: the
      // gate is still not met (os.path.exists takes no `value`), and the rollback succeeds.
      return oracle.withRollbacks(List.of(List.of("path-must-exists", "succeeded")));
    }
    return oracle;
  }

  @ParameterizedTest
  @MethodSource("rows")
  void observedRow_runByChaosfn_hasTheSameOutcome(JsonNode row) {
    assumeTrue(row != null, CtkFixtures.MISSING);

    Journal journal = run(row);

    assertThat(Outcome.of(journal)).isEqualTo(differences(row));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void observedRow_runByChaosfn_checksTheHypothesisDuringTheMethodAsOften(JsonNode row) {
    assumeTrue(row != null, CtkFixtures.MISSING);
    int observed = row.get("during_count").asInt();

    Journal journal = run(row);

    if (row.get("schedule").isNull() || schedule(row).path("fail_fast").asBoolean()) {
      // No continuous hypothesis, or one that fail-fast ends at a count the counter probe decides: exact.
      assertThat(journal.during()).hasSize(observed);
    } else {
      // Real-time loop: the count depends on scheduling, so only a plausible range around the oracle's count.
      assertThat(journal.during()).hasSizeBetween(Math.max(2, observed / 4), observed * 2);
    }
  }

  private Journal run(JsonNode row) {
    String fixture = row.get("fixture").asString();
    try (LoopbackHttp http = new LoopbackHttp(row.get("http_status_mocked").asInt())) {
      CompatEngine engine = new CompatEngine(fixturesDir, PATH);
      ObjectNode document = (ObjectNode) CtkFixtures.JSON.readTree(
          http.redirect(fixtures.text("lib-experiments-py/" + fixture + ".json")));
      // The oracle ran MissingRefProbeExperiment without validation (it is invalid): --no-validation here too.
      Experiment experiment = fixture.equals("MissingRefProbeExperiment")
          ? engine.parser().parseLeniently(document) : engine.parser().parse(document);
      boolean continuous = !row.get("schedule").isNull();
      FakeTime fake = new FakeTime(Instant.parse("2026-11-27T10:00:00Z"));
      Clock clock = continuous ? Clock.systemUTC() : fake;
      Sleeper sleeper = continuous ? Sleeper.REAL : fake;
      RunInputs inputs = RunInputs.resolve(experiment, Vars.none(), engine.environment, engine.providers, clock);
      Strategies strategies = Strategies.resolve(Optional.empty(), Optional.of(rollbackStrategy(row)), experiment,
          Optional.of(hypothesisStrategy(row)), Optional.empty());
      JsonNode schedule = schedule(row);
      RunContext context = new RunContext(experiment, inputs.configuration(), inputs.secrets(),
          inputs.environment(), engine.providers, null, strategies.hypothesis(), strategies.rollbacks(),
          Duration.ofMillis((long) (schedule.path("continuous_hypothesis_frequency").asDouble(1.0) * 1000)),
          schedule.path("fail_fast").asBoolean(false), null, null, List.of(), engine.stop, clock, sleeper,
          new RunContext.Host("Linux-test", "test-node"),
          new RunContext.RunIdentity("compat-run", Trigger.cli(), null), inputs.redaction());
      return new Runner(engine.controls).run(context);
    }
  }

  private static JsonNode schedule(JsonNode row) {
    return row.get("schedule");
  }

  /** The row's {@code settings.runtime.rollbacks.strategy}, {@code default} when the settings have none. */
  private static RollbackStrategy rollbackStrategy(JsonNode row) {
    return RollbackStrategy.fromName(row.path("settings").path("runtime").path("rollbacks").path("strategy")
        .asString("default")).orElseThrow();
  }

  /** The row names Python's enum values: {@code continuous} is CONTINUOUS, the CLI's {@code continuously}. */
  private static HypothesisStrategy hypothesisStrategy(JsonNode row) {
    String name = row.get("strategy").asString();
    return HypothesisStrategy.fromName(name.equals("continuous") ? "continuously" : name, true).orElseThrow();
  }
}
