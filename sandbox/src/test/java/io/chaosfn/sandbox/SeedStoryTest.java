package io.chaosfn.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's story, played once in this JVM as {@link Sandbox#run} plays it: a {@link LocalSystem} (dynalite and
 * s3proxy, real local implementations; the mock API server; the simulated Patroni, rollout, frontend and Slack, and
 * the Secrets Manager and EventBridge stand-ins, since neither has a local implementation, decisions.md §5) and the
 * {@link SeedStory} with the real handlers. Each test checks one part of what the story produced.
 */
class SeedStoryTest {
  private static final List<String> printed = new ArrayList<>();
  private static long dynalitePid;
  private static SeedStory.Result result;
  private static List<PrintingSlack.Message> slack;

  @BeforeAll
  static void play() throws Exception {
    LocalSystem system = new LocalSystem(Sandbox.nodeProject(), printed::add);
    try {
      dynalitePid = system.dynamoDb.pid();
      result = new SeedStory(system, system.components(), printed::add).play();
      slack = system.slack.messages();
    } finally {
      system.close();
    }
  }

  @Test
  void scheduledRun_deviates() {
    assertThat(result.scheduledRun().path("outcome").asString()).isEqualTo("deviated");
  }

  @Test
  void runAfterTheDeploy_waitsForTheRolloutAndCompletes() {
    assertThat(result.webhookStatus()).isEqualTo(202);
    assertThat(result.deployRun().path("outcome").asString()).isEqualTo("completed");
    assertThat(result.deployRun().path("run_id").asString())
        .isEqualTo(result.webhookAnswer().path("runs").get(0).path("runId").asString());
  }

  @Test
  void journalApi_listsBothRunsAsStored() {
    List<String> listed = new ArrayList<>();
    result.runs().path("runs").values().forEach(run -> listed.add(runId(run)));

    assertThat(listed).containsExactlyInAnyOrder(runId(result.scheduledRun()), runId(result.deployRun()));
  }

  @Test
  void summary_namesTheWebhooksRevisionAsTheLastChange() {
    assertThat(result.summary().path("revision_at_last_change").asString()).isEqualTo(SeedStory.REVISION);
  }

  @Test
  void slack_getsMessagesForBothRuns() {
    assertThat(slack).anyMatch(m -> m.text().contains(runId(result.scheduledRun())))
        .anyMatch(m -> m.text().contains(runId(result.deployRun())));
  }

  @Test
  void sandboxVerdict_findsNothingUnexpected() {
    assertThat(Sandbox.surprises(result, slack)).isEmpty();
  }

  @Test
  void close_leavesNoDynaliteProcess() {
    Optional<ProcessHandle> dynalite = ProcessHandle.of(dynalitePid);

    assertThat(dynalite.map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
  }

  private static String runId(JsonNode answer) {
    return answer.path("run_id").asString();
  }
}
