package io.chaosfn.functions.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI end to end on Chaos Toolkit's own CLI fixtures ({@code cli-raw/}, read from {@code chaosfn.shared.dir}),
 * with the exit codes and journal fields its test suite expects (INDEX.md). Python functions run as
 * {@link CliStandIns}. The {@code check-file-exists*} experiments name paths relative to Chaos Toolkit's repository
 * root ({@code tests/conftest.py}); so that their {@code touch} and {@code rm} act on files this test owns, those
 * paths are rooted in a temporary directory, in a rewritten copy kept there, never in the project.
 */
class CliFixturesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path work;
  private Path cliRaw;
  private String err;
  private String out;

  @BeforeEach
  void locateFixtures() {
    String shared = System.getProperty("chaosfn.shared.dir");
    cliRaw = shared == null ? null : Path.of(shared, "fixtures", "chaostoolkit", "cli-raw");
    assumeTrue(cliRaw != null && Files.isDirectory(cliRaw),
        "the Chaos Toolkit fixtures are not checked out next to the project (system property chaosfn.shared.dir)");
  }

  /** The fixture with its repository-relative {@code tests/} paths rooted in the temporary directory. */
  private Path rooted(String fixture) throws IOException {
    Files.createDirectories(work.resolve("tests/fixtures"));
    String text = Files.readString(cliRaw.resolve(fixture)).replace("\"tests/", "\"" + work + "/tests/");
    return Files.writeString(work.resolve(fixture), text);
  }

  private int chaosfn(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    Map<String, String> variables = Map.of("HOME", work.toString(),
        "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    int exit = ChaosfnCommand.execute(args, new CliEnvironment(variables,
        new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8)),
        new CliStandIns());
    out = stdout.toString(StandardCharsets.UTF_8);
    err = stderr.toString(StandardCharsets.UTF_8);
    return exit;
  }

  private int run(Path experiment, String... flags) {
    List<String> args = new ArrayList<>(List.of("run", "--journal-path", work.resolve("journal.json").toString(),
        "--store", "dir:" + work.resolve("store")));
    args.addAll(List.of(flags));
    args.add(experiment.toString());
    return chaosfn(args.toArray(String[]::new));
  }

  /** Runs the rooted fixture with {@code tests/conftest.py} present, as in Chaos Toolkit's repository. */
  private int runWithConftest(String fixture, String... flags) throws IOException {
    Path experiment = rooted(fixture);
    Files.writeString(work.resolve("tests/conftest.py"), "");
    return run(experiment, flags);
  }

  private JsonNode journal() throws IOException {
    return JSON.readTree(work.resolve("journal.json").toFile());
  }

  @Test
  void checkFileExists_run_exitsZeroCompletedNotDeviated() throws IOException {
    int exit = runWithConftest("check-file-exists.json");

    assertThat(exit).isZero();
    assertThat(journal().get("status").asString()).isEqualTo("completed");
    assertThat(journal().get("deviated").asBoolean()).isFalse();
  }

  @Test
  void checkFileExistsDeviated_methodRemovesTheFile_exitsOneCompletedAndDeviated() throws IOException {
    Path experiment = rooted("check-file-exists-deviated.json");
    Files.writeString(work.resolve("tests/fixtures/dummy.txt"), "");

    int exit = run(experiment);

    assertThat(exit).isEqualTo(1);
    assertThat(journal().get("status").asString()).isEqualTo("completed");
    assertThat(journal().get("deviated").asBoolean()).isTrue();
    assertThat(work.resolve("tests/fixtures/dummy.txt")).doesNotExist();
  }

  @Test
  void checkFileExistsFail_gateProbeRaises_exitsOneFailedWithTheProbeFailed() throws IOException {
    Path experiment = rooted("check-file-exists-fail.json");

    int exit = run(experiment);

    assertThat(exit).isEqualTo(1);
    assertThat(journal().get("status").asString()).isEqualTo("failed");
    assertThat(journal().at("/steady_states/before/probes/0/status").asString()).isEqualTo("failed");
  }

  @Test
  void invalidPlan_validate_exitsOneWithChaosToolkitsMessage() {
    int exit = chaosfn("validate", cliRaw.resolve("invalid-plan.json").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out).contains("experiment requires a description");
  }

  @Test
  void invalidPlan_run_exitsOneWithoutAJournal() {
    int exit = run(cliRaw.resolve("invalid-plan.json"));

    assertThat(exit).isEqualTo(1);
    assertThat(err).contains("experiment requires a description");
    assertThat(work.resolve("journal.json")).doesNotExist();
  }

  @Test
  void wellFormedLegacyPlan_run_exitsOneAsAnActivityWithoutType() {
    int exit = run(cliRaw.resolve("well-formed-experiment.json"));

    assertThat(exit).isEqualTo(1);
    assertThat(err).contains("an activity must have a type");
    assertThat(work.resolve("journal.json")).doesNotExist();
  }

  @Test
  void overrideHypothesisRuntimeStrategy_run_checksBeforeTheMethodOnly() throws IOException {
    int exit = runWithConftest("override-hypothesis-runtime-strategy.json");

    assertThat(exit).isZero();
    assertThat(err).contains("strategies: hypothesis before-method-only, rollbacks default");
    assertThat(journal().at("/steady_states/before").isNull()).isFalse();
    assertThat(journal().at("/steady_states/after").isNull()).isTrue();
  }

  @Test
  void overrideHypothesisRuntimeStrategy_flagAfterMethodOnly_winsOverTheDocument() throws IOException {
    int exit = runWithConftest("override-hypothesis-runtime-strategy.json", "--hypothesis-strategy", "after-method-only");

    assertThat(exit).isZero();
    assertThat(err).contains("strategies: hypothesis after-method-only, rollbacks default");
    assertThat(journal().at("/steady_states/before").isNull()).isTrue();
    assertThat(journal().at("/steady_states/after/steady_state_met").asBoolean()).isTrue();
  }

  @Test
  void overrideRollbacksRuntimeStrategy_documentSaysNever_playsNoRollback() throws IOException {
    int exit = runWithConftest("override-rollbacks-runtime-strategy.json");

    assertThat(exit).isZero();
    assertThat(err).contains("strategies: hypothesis default, rollbacks never");
    assertThat(journal().get("rollbacks")).isEmpty();
  }

  @Test
  void overrideRollbacksRuntimeStrategy_flagAlways_winsOverTheDocument() throws IOException {
    int exit = runWithConftest("override-rollbacks-runtime-strategy.json", "--rollback-strategy", "always");

    assertThat(exit).isZero();
    assertThat(err).contains("strategies: hypothesis default, rollbacks always");
    assertThat(journal().at("/rollbacks/0/activity/name").asString()).isEqualTo("pretend-to-delete-file");
  }

  @Test
  void overrideRollbacksRuntimeStrategy_flagDeviatedOnARunThatHeld_playsNoRollback() throws IOException {
    int exit = runWithConftest("override-rollbacks-runtime-strategy.json", "--rollback-strategy", "deviated");

    assertThat(exit).isZero();
    assertThat(err).contains("strategies: hypothesis default, rollbacks deviated");
    assertThat(journal().get("rollbacks")).isEmpty();
  }
}
