package io.chaosfn.functions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.notify.slack.LocalSlack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack from the CLI, against {@link LocalSlack} — a stand-in, because no local Slack exists: configured by the
 * environment, one message per run, and the experiment runs the same when Slack is down.
 */
class CliSlackTest {
  private static final String EXPERIMENT = """
      {"title": "slack run", "description": "d",
       "secrets": {"api": {"token": "s3cr3t-t0ken-value"}},
       "method": [{"type": "action", "name": "say", "provider": {"type": "process", "path": "echo",
                   "arguments": ["${token}"]}}]}
      """;

  @TempDir
  Path dir;
  private LocalSlack slack;
  private CliRun cli;
  private Path experiment;

  @BeforeEach
  void setUp() throws IOException {
    slack = new LocalSlack();
    cli = new CliRun(dir.resolve("home"));
    experiment = dir.resolve("slack.json");
    Files.writeString(experiment, EXPERIMENT);
  }

  @AfterEach
  void tearDown() {
    slack.close();
  }

  @Test
  void run_withABotToken_postsAtTheStartAndUpdatesAtTheEnd() {
    cli.variables.put("SLACK_BOT_TOKEN", LocalSlack.TOKEN);
    cli.variables.put("CHAOSFN_SLACK_API_URL", slack.apiUrl());
    cli.variables.put("CHAOSFN_SLACK_CHANNEL", "#chaos");

    int code = cli.execute("run", experiment.toString(), "--journal-path", dir.resolve("j.json").toString());

    assertThat(code).isZero();
    assertThat(slack.requests).extracting(LocalSlack.Request::method).startsWith("chat.postMessage")
        .endsWith("chat.update");
    assertThat(slack.requests).allSatisfy(r -> assertThat(r.body()).doesNotContain("s3cr3t-t0ken-value"));
  }

  @Test
  void run_withAWebhookUrl_postsOneFinalMessage() {
    cli.variables.put("CHAOSFN_SLACK_WEBHOOK_URL", slack.webhookUrl());
    cli.variables.put("CHAOSFN_SLACK_CHANNEL", "#chaos");

    cli.execute("run", experiment.toString(), "--journal-path", dir.resolve("j.json").toString());

    assertThat(slack.requests).singleElement().satisfies(r -> assertThat(r.body()).contains("slack run"));
  }

  @Test
  void run_whenSlackIsDown_completesAndRecordsTheFailureInTheJournal() throws IOException {
    cli.variables.put("SLACK_BOT_TOKEN", LocalSlack.TOKEN);
    cli.variables.put("CHAOSFN_SLACK_API_URL", "http://127.0.0.1:1/api/");
    cli.variables.put("CHAOSFN_SLACK_CHANNEL", "#chaos");

    int code = cli.execute("run", experiment.toString(), "--journal-path", dir.resolve("j.json").toString());

    assertThat(code).isZero();
    assertThat(Files.readString(dir.resolve("j.json"))).contains("\"notifications\"");
  }

  @Test
  void run_withAMalformedJournalApiUrl_failsNamingTheVariable_andRunsNothing() {
    cli.variables.put("CHAOSFN_SLACK_WEBHOOK_URL", slack.webhookUrl());
    cli.variables.put("CHAOSFN_JOURNAL_API_URL", "https://journals example/");

    int code = cli.execute("run", experiment.toString(), "--journal-path", dir.resolve("j.json").toString());

    assertThat(code).isEqualTo(1);
    assertThat(cli.err).contains("chaosfn: CHAOSFN_JOURNAL_API_URL is not a URI").doesNotContain("Exception");
    assertThat(dir.resolve("j.json")).doesNotExist();
    assertThat(slack.requests).isEmpty();
  }

  /** The components are built on a second thread; commands that use none never see their failure. */
  @Test
  void helpVersionAndJournals_needNoSlackSettings() {
    cli.variables.put("CHAOSFN_JOURNAL_API_URL", "https://journals example/");

    assertThat(cli.execute("--help")).isZero();
    assertThat(cli.out).contains("Usage: chaosfn");
    assertThat(cli.execute("--version")).isZero();
    assertThat(cli.execute("journals", "list")).isZero();
    assertThat(cli.execute("validate", experiment.toString())).isEqualTo(1);
    assertThat(cli.err).contains("CHAOSFN_JOURNAL_API_URL is not a URI");
  }
}
