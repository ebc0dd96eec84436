package io.chaosfn.functions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.store.dynamodb.Dynalite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code run} and {@code journals} with {@code --store dynamodb:TABLE} (or CHAOSFN_STORE), on dynalite. */
class CliDynamoDbStoreTest {
  @RegisterExtension
  static final Dynalite DYNALITE = new Dynalite();

  private static final Pattern RUN_ID = Pattern.compile("\\(run (\\S+)\\)");
  private static final String HOLDS = """
      {"title": "holds", "description": "d",
       "steady-state-hypothesis": {"title": "h", "probes": [
         {"type": "probe", "name": "true-exits-0", "tolerance": 0, "provider": {"type": "process", "path": "true"}}]},
       "method": [{"type": "action", "name": "say", "provider": {"type": "process", "path": "echo",
                   "arguments": ["hello"]}}]}
      """;

  @TempDir
  Path dir;
  private CliRun cli;
  private String store;
  private Path experiment;

  @BeforeEach
  void setUp() throws IOException {
    String table = DYNALITE.createTable(DYNALITE.client(), "cli");
    store = "dynamodb:" + table;
    cli = new CliRun(dir.resolve("home"));
    cli.variables.put("AWS_REGION", "us-east-1");
    cli.variables.put("AWS_ACCESS_KEY_ID", "local");
    cli.variables.put("AWS_SECRET_ACCESS_KEY", "local");
    cli.variables.put("AWS_ENDPOINT_URL_DYNAMODB", DYNALITE.endpoint().toString());
    experiment = dir.resolve("holds.json");
    Files.writeString(experiment, HOLDS, StandardCharsets.UTF_8);
  }

  private String runOnce() {
    assertThat(cli.execute("run", experiment.toString(), "--journal-path", dir.resolve("journal.json").toString(),
        "--store", store)).isZero();
    Matcher matcher = RUN_ID.matcher(cli.err);
    assertThat(matcher.find()).as(cli.err).isTrue();
    return matcher.group(1);
  }

  @Test
  void journalsList_afterARunIntoTheTable_listsTheRun() {
    String runId = runOnce();

    int code = cli.execute("journals", "list", "--store", store, "--json");

    assertThat(code).isZero();
    JsonNode runs = JsonMapper.builder().build().readTree(cli.out);
    assertThat(runs.get(0).get("run_id").asString()).isEqualTo(runId);
    assertThat(runs.get(0).get("experiment_id").asString()).isEqualTo("holds");
    assertThat(runs.get(0).get("outcome").asString()).isEqualTo("completed");
  }

  @Test
  void journalsShow_runInTheTable_printsTheJournalAsWritten() throws IOException {
    String runId = runOnce();

    int code = cli.execute("journals", "show", runId, "--store", store);

    assertThat(code).isZero();
    assertThat(cli.out.strip()).isEqualTo(Files.readString(dir.resolve("journal.json")).strip());
  }

  @Test
  void journalsSummary_twoRuns_readsTheTablesHistory() {
    runOnce();
    runOnce();

    int code = cli.execute("journals", "summary", "holds", "--store", store);

    assertThat(code).isZero();
    assertThat(cli.out).contains("runs executed:     2").contains("success rate:      100.0%")
        .contains("current streak:    completed x2");
  }

  @Test
  void journalsSummary_unknownExperiment_exitsOne() {
    int code = cli.execute("journals", "summary", "nothing-here", "--store", store);

    assertThat(code).isEqualTo(1);
    assertThat(cli.err).contains("no runs of experiment nothing-here");
  }

  @Test
  void storeVariable_namesTheTable_whenNoFlagIsGiven() {
    cli.variables.put("CHAOSFN_STORE", store);
    String runId = runOnce();

    int code = cli.execute("journals", "list");

    assertThat(code).isZero();
    assertThat(cli.out).contains(runId);
  }

  @Test
  void dynamoDbStore_withoutARegion_isAUsageErrorNamingTheVariable() {
    cli.variables.remove("AWS_REGION");

    int code = cli.execute("journals", "list", "--store", store);

    assertThat(code).isEqualTo(2);
    assertThat(cli.err).contains("AWS_REGION (or AWS_DEFAULT_REGION) is not set");
  }

  @Test
  void dynamoDbStore_malformedTableName_isAUsageError() {
    int code = cli.execute("journals", "list", "--store", "dynamodb:a");

    assertThat(code).isEqualTo(2);
    assertThat(cli.err).contains("expected dir:PATH or dynamodb:TABLE");
  }

  @Test
  void dynamoDbStore_tableThatDoesNotExist_failsWithOneLine() {
    int code = cli.execute("journals", "list", "--store", "dynamodb:no-such-table");

    assertThat(code).isEqualTo(1);
    assertThat(cli.err).contains("no-such-table").doesNotContain("\tat ");
  }
}
