package io.chaosfn.functions.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI contract of decisions.md §3: commands, flags, exit codes 0 / 1 / 2, journals, progress lines. */
class CliContractTest {
  private static final String HOLDS = """
      {"title": "holds", "description": "d",
       "steady-state-hypothesis": {"title": "h", "probes": [
         {"type": "probe", "name": "true-exits-0", "tolerance": 0, "provider": {"type": "process", "path": "true"}}]},
       "method": [{"type": "action", "name": "say", "provider": {"type": "process", "path": "echo",
                   "arguments": ["${greeting}"]}}],
       "configuration": {"greeting": "hello"}}
      """;
  private static final String DEVIATES = """
      {"title": "deviates", "description": "d",
       "steady-state-hypothesis": {"title": "h", "probes": [
         {"type": "probe", "name": "marker", "tolerance": 0,
          "provider": {"type": "process", "path": "test", "arguments": ["!", "-f", "${marker}"]}}]},
       "method": [{"type": "action", "name": "touch", "provider": {"type": "process", "path": "touch",
                   "arguments": ["${marker}"]}}],
       "configuration": {"marker": "MARKER"}}
      """;

  @TempDir
  Path dir;
  private CliRun cli;

  @BeforeEach
  void setUp() {
    cli = new CliRun(dir.resolve("home"));
  }

  private Path write(String name, String content) throws IOException {
    Path path = dir.resolve(name);
    Files.writeString(path, content, StandardCharsets.UTF_8);
    return path;
  }

  private String journal() throws IOException {
    return Files.readString(dir.resolve("journal.json"));
  }

  @Test
  void run_experimentThatHolds_exitsZeroAndWritesTheJournal() throws IOException {
    Path experiment = write("holds.json", HOLDS);

    int code = cli.execute("run", experiment.toString(), "--journal-path", dir.resolve("journal.json").toString());

    assertThat(code).isZero();
    assertThat(journal()).contains("\"status\": \"completed\"", "\"deviated\": false", "\"run_id\"");
    assertThat(cli.err).contains("action 'say' starting", "action 'say' succeeded in");
  }

  @Test
  void run_experimentThatDeviates_exitsOne() throws IOException {
    Path experiment = write("deviates.json", DEVIATES.replace("MARKER", dir.resolve("marker").toString()));

    int code = cli.execute("run", experiment.toString(), "--journal-path", dir.resolve("journal.json").toString());

    assertThat(code).isEqualTo(1);
    assertThat(journal()).contains("\"deviated\": true");
  }

  @Test
  void run_var_overridesADeclaredConfigurationKey() throws IOException {
    Path experiment = write("holds.json", HOLDS);

    cli.execute("run", experiment.toString(), "--var", "greeting=bonjour", "--journal-path",
        dir.resolve("journal.json").toString());

    assertThat(journal()).contains("\"stdout\": \"bonjour\\n\"");
  }

  @Test
  void run_storesTheRunForTheJournalsCommands() throws IOException {
    Path experiment = write("holds.json", HOLDS);
    cli.execute("run", experiment.toString(), "--journal-path", dir.resolve("journal.json").toString());

    int list = cli.execute("journals", "list");
    String listing = cli.out;
    int summary = cli.execute("journals", "summary", "holds");

    assertThat(list).isZero();
    assertThat(listing).contains("holds", "completed", "cli");
    assertThat(summary).isZero();
    assertThat(cli.out).contains("success rate:      100.0%");
  }

  @Test
  void run_dryActivities_executesNothing() throws IOException {
    Path marker = dir.resolve("marker");
    Path experiment = write("deviates.json", DEVIATES.replace("MARKER", marker.toString()));

    int code = cli.execute("run", experiment.toString(), "--dry", "activities", "--journal-path",
        dir.resolve("journal.json").toString());

    assertThat(code).isZero();
    assertThat(marker).doesNotExist();
    assertThat(journal()).contains("\"dry\": \"activities\"");
  }

  @Test
  void run_secretValues_neverReachTheJournalOrTheOutput() throws IOException {
    Path experiment = write("secret.json", """
        {"title": "uses ${token}", "description": "d",
         "secrets": {"api": {"token": "s3cr3t-t0ken-value"}},
         "method": [{"type": "action", "name": "leak", "provider": {"type": "process", "path": "echo",
                     "arguments": ["${token}"]}},
                    {"type": "action", "name": "fail", "provider": {"type": "process", "path": "cat",
                     "arguments": ["/nonexistent/${token}"]}},
                    {"type": "probe", "name": "call", "provider": {"type": "http",
                     "url": "http://127.0.0.1:1/${token}"}}]}
        """);

    cli.execute("run", experiment.toString(), "--journal-path", dir.resolve("journal.json").toString());

    assertThat(journal()).doesNotContain("s3cr3t-t0ken-value").contains("***");
    assertThat(cli.out + cli.err).doesNotContain("s3cr3t-t0ken-value");
  }

  @Test
  void validate_validDocument_exitsZero() throws IOException {
    Path experiment = write("holds.json", HOLDS);

    assertThat(cli.execute("validate", experiment.toString())).isZero();
  }

  @Test
  void validate_invalidDocument_printsOneLinePerProblemAndExitsOne() throws IOException {
    Path experiment = write("bad.json", "{\"title\": \"t\", \"method\": [{\"type\": \"probe\"}]}");

    int code = cli.execute("validate", experiment.toString());

    assertThat(code).isEqualTo(1);
    assertThat(cli.out.lines()).containsExactly(
        "description: experiment requires a description",
        "method[0].name: an activity must have a name",
        "method[0].provider: an activity requires a provider");
  }

  @Test
  void run_invalidDocument_runsNothingAndExitsOne() throws IOException {
    Path marker = dir.resolve("marker");
    Path experiment = write("bad.json", """
        {"title": "t", "description": "d",
         "method": [{"type": "action", "name": "touch", "provider": {"type": "process", "path": "touch",
                     "arguments": ["%s"]}},
                    {"type": "action", "provider": {"type": "http"}}]}
        """.formatted(marker));

    int code = cli.execute("run", experiment.toString(), "--journal-path", dir.resolve("journal.json").toString());

    assertThat(code).isEqualTo(1);
    assertThat(marker).doesNotExist();
    assertThat(dir.resolve("journal.json")).doesNotExist();
    assertThat(cli.err).contains("method[1].provider.url: a HTTP activity must have a URL");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "{\"title\": ", "[1, 2]", "", "not json at all", "{\"title\": \"t\",}", "{\"a\": 1} {\"b\": 2}",
      "{\"title\": \"t\", \"title\": \"u\", \"description\": \"d\", \"method\": []}"})
  void validate_malformedJson_exitsOneWithAMessage(String content) throws IOException {
    Path experiment = write("broken.json", content);

    int code = cli.execute("validate", experiment.toString());

    assertThat(code).isEqualTo(1);
    assertThat(cli.out + cli.err).contains("broken.json");
  }

  @Test
  void validate_yamlBillionLaughs_isRefusedQuickly() throws IOException {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 30; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    Path experiment = write("bomb.yaml", yaml.toString());

    int code = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> cli.execute("validate", experiment.toString()));

    assertThat(code).isEqualTo(1);
  }

  @Test
  void validate_documentOverTenMegabytes_isRefused() throws IOException {
    Path experiment = write("huge.json", "{\"title\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}");

    assertThat(cli.execute("validate", experiment.toString())).isEqualTo(1);
    assertThat(cli.out + cli.err).contains("huge.json");
  }

  @Test
  void validate_pythonTagInYaml_isRefused() throws IOException {
    Path experiment = write("tag.yaml", "title: !!python/object/apply:os.system ['touch /tmp/pwned']\n");

    assertThat(cli.execute("validate", experiment.toString())).isEqualTo(1);
  }

  @Test
  void validate_missingFile_exitsOne() {
    int code = cli.execute("validate", dir.resolve("nowhere.json").toString());

    assertThat(code).isEqualTo(1);
    assertThat(cli.out + cli.err).contains("does not exist");
  }

  @Test
  void validate_unsupportedExtension_exitsOne() throws IOException {
    Path experiment = write("experiment.txt", HOLDS);

    assertThat(cli.execute("validate", experiment.toString())).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--rollback-strategy=sometimes", "--hypothesis-strategy=skip", "--hypothesis-strategy=x",
      "--dry=everything", "--var=novalue", "--var=n:complex=1", "--var=n:int=abc", "--unknown-flag",
      "--hypothesis-frequency=-1"})
  void run_usageError_exitsTwoWithoutRunning(String flag) throws IOException {
    Path marker = dir.resolve("marker");
    Path experiment = write("deviates.json", DEVIATES.replace("MARKER", marker.toString()));

    int code = cli.execute("run", experiment.toString(), flag);

    assertThat(code).isEqualTo(2);
    assertThat(marker).doesNotExist();
  }

  @Test
  void noCommand_isAUsageError() {
    assertThat(cli.execute()).isEqualTo(2);
  }

  @Test
  void journalsShow_unknownRun_exitsOne() {
    assertThat(cli.execute("journals", "show", "01M8EKVNSGQGE8TMQQFDKVEPVH")).isEqualTo(1);
  }

  @Test
  void journalsList_unknownOutcome_isAUsageError() {
    assertThat(cli.execute("journals", "list", "--outcome", "great")).isEqualTo(2);
  }
}
