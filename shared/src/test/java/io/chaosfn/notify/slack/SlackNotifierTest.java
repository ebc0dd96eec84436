package io.chaosfn.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.engine.Phase;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.notify.NotificationOutcome;
import io.chaosfn.notify.Notifier;
import io.chaosfn.store.ExperimentHistory;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.RunRecord;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/** The bot-token notifier against {@link LocalSlack}, a stand-in for Slack (no local Slack exists). */
class SlackNotifierTest {
  private LocalSlack slack;
  private SlackNotifications notifications;
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void startSlack() throws IOException {
    slack = new LocalSlack();
    notifications = bot(slack.apiUrl(), SlackCredentials.of(LocalSlack.TOKEN));
  }

  @AfterEach
  void stopSlack() {
    notifications.close();
    slack.close();
  }

  private SlackNotifications bot(String apiUrl, SlackCredentials credentials) {
    SlackSettings settings = new SlackSettings("#team", URI.create("https://chaos.example/api/"), apiUrl,
        Duration.ofSeconds(2), Duration.ofSeconds(10));
    return new SlackNotifications(settings, new SlackNotifications.Destination.Bot(credentials), waits::add);
  }

  private Notifier notifier(SlackNotifications from, Trigger trigger, ExperimentHistory previous) {
    return from.forRun(Runs.experimentOnChannel("#chaos"), Runs.identity(trigger), previous, Runs.redaction())
        .orElseThrow();
  }

  private Notifier started() {
    Notifier notifier = notifier(notifications, Trigger.cli(), null);
    notifier.runStarted(null, null);
    return notifier;
  }

  private static ExperimentHistory history(Outcome... outcomes) {
    List<RunRecord> runs = new ArrayList<>();
    for (int i = 0; i < outcomes.length; i++) {
      runs.add(new RunRecord("01JRUN" + i, "frontend", outcomes[i], outcomes[i] == Outcome.DEVIATED, Runs.TITLE,
          Runs.deploy("r" + i), Runs.START.minusSeconds(3600L * (outcomes.length - i)), null, null, null,
          List.of(), null));
    }
    return ExperimentHistory.of("frontend", runs);
  }

  private List<String> postedTexts() {
    return slack.requests.stream().map(r -> r.form().getOrDefault("text", r.body())).toList();
  }

  @Test
  void runStarted_botToken_postsRunningRootMessageToTheChannel() {
    Notifier notifier = notifier(notifications, Trigger.cli(), null);

    notifier.runStarted(null, null);

    LocalSlack.Request post = slack.calls("chat.postMessage").get(0);
    assertThat(post.authorization()).isEqualTo("Bearer " + LocalSlack.TOKEN);
    assertThat(post.form()).containsEntry("channel", "#chaos").doesNotContainKey("thread_ts");
    assertThat(post.form().get("text")).contains("*Running*", Runs.TITLE,
        "<https://chaos.example/api/runs/01JDEADBEEF|01JDEADBEEF>");
  }

  @Test
  void runStarted_statsDisabled_callsNothingButPostMessage() {
    Notifier notifier = notifier(notifications, Trigger.cli(), null);

    notifier.runStarted(null, null);

    assertThat(slack.requests).extracting(LocalSlack.Request::method).containsExactly("chat.postMessage");
  }

  @Test
  void finish_afterStart_updatesTheRootMessageWithTheOutcome() {
    Notifier notifier = started();
    String rootTs = "1764237600.000001";

    List<NotificationOutcome> failures = notifier.finish(Runs.completed(List.of()));

    assertThat(failures).isEmpty();
    LocalSlack.Request update = slack.calls("chat.update").get(0);
    assertThat(update.form()).containsEntry("channel", "C0CHAOS").containsEntry("ts", rootTs);
    assertThat(update.form().get("text")).contains("*Completed*", Runs.TITLE, "Duration: 42.0 s",
        "Hypothesis before: met · after: met");
  }

  @Test
  void activityCompleted_methodAction_repliesInTheRootThread() {
    Notifier notifier = started();

    notifier.activityCompleted(null, Phase.METHOD, Runs.action("terminate-db-master",
        Runs.NODES.arrayNode().add("frontend-db-0")));

    LocalSlack.Request reply = slack.calls("chat.postMessage").get(1);
    assertThat(reply.form()).containsEntry("channel", "C0CHAOS").containsEntry("thread_ts", "1764237600.000001");
    assertThat(reply.form().get("text")).contains("[method] action `terminate-db-master` succeeded in 1.0 s",
        "Output: `[\"frontend-db-0\"]`");
  }

  @Test
  void activityCompleted_failedRollback_repliesWithItsError() {
    Notifier notifier = started();

    notifier.activityCompleted(null, Phase.ROLLBACKS, Runs.failedAction("restore-db", "patroni unreachable"));

    assertThat(slack.calls("chat.postMessage").get(1).form().get("text"))
        .contains(":x: [rollback] action `restore-db` failed in 2.0 s",
            "Error: `chaoslib.exceptions.ActivityFailed: patroni unreachable`");
  }

  @Test
  void activityCompleted_hypothesisProbe_isLeftToTheRootMessage() {
    Notifier notifier = started();

    notifier.activityCompleted(null, Phase.BEFORE, Runs.probe("up", IntNode.valueOf(200), IntNode.valueOf(200), true));

    assertThat(slack.calls("chat.postMessage")).hasSize(1);
  }

  @Test
  void finish_deviatedProbe_showsItsToleranceAndTheObservedValue() {
    Notifier notifier = started();
    Journal deviated = Runs.journal(Journal.COMPLETED, true, Runs.held(), Runs.notMet(
        Runs.probe("frontend-responds", IntNode.valueOf(200), IntNode.valueOf(503), false)), List.of(), List.of(),
        Runs.NODES.objectNode());

    notifier.finish(deviated);

    assertThat(slack.calls("chat.update").get(0).form().get("text")).contains(":red_circle: *Deviated*",
        "Hypothesis before: met · after: *not met*",
        "• `frontend-responds` (after) — tolerance `200`, observed `503`");
  }

  @Test
  void finish_deviatedAfterAHeldRun_headlineSaysNewlyDeviatingSinceTheRevision() {
    Notifier notifier = notifier(notifications, Runs.deploy("v2"), history(Outcome.COMPLETED));
    notifier.runStarted(null, null);

    notifier.finish(Runs.journal(Journal.COMPLETED, true, Runs.held(), Runs.notMet(), List.of(), List.of(),
        Runs.NODES.objectNode()));

    assertThat(slack.calls("chat.update").get(0).form().get("text"))
        .contains("*Newly deviating since v2*", "Trigger: deploy of revision `v2` from flux (frontend-app)");
  }

  @Test
  void finish_interruptedRun_repliesWithTheStopReasonInTheThread() {
    Notifier notifier = started();
    ObjectNode chaosfn = Runs.NODES.objectNode();
    chaosfn.putObject("stop").put("cause", "safeguard").put("probe", "error-rate");

    notifier.finish(Runs.journal(Journal.INTERRUPTED, false, Runs.held(), null, List.of(), List.of(), chaosfn));

    LocalSlack.Request reply = slack.calls("chat.postMessage").get(1);
    assertThat(reply.form()).containsEntry("thread_ts", "1764237600.000001");
    assertThat(reply.form().get("text")).startsWith(":warning: Interrupted (safeguard)").contains("error-rate");
  }

  @Test
  void everyMessage_secretInOutputsErrorsAndStop_isNeverPosted() {
    Notifier notifier = started();
    ObjectNode chaosfn = Runs.NODES.objectNode();
    chaosfn.putObject("stop").put("cause", "control").put("reason", "saw " + Runs.SECRET);
    notifier.activityCompleted(null, Phase.METHOD, Runs.action("dump", StringNode.valueOf("pw=" + Runs.SECRET)));
    notifier.activityCompleted(null, Phase.METHOD, Runs.failedAction("login", "bad password " + Runs.SECRET));

    notifier.finish(Runs.journal(Journal.INTERRUPTED, true, Runs.held(), Runs.notMet(Runs.probe("p",
        StringNode.valueOf(Runs.SECRET), StringNode.valueOf("got " + Runs.SECRET), false)), List.of(), List.of(),
        chaosfn));

    assertThat(slack.requests).hasSize(5);
    assertThat(slack.requests).allSatisfy(r -> assertThat(r.body()).doesNotContain(Runs.SECRET));
    assertThat(postedTexts()).anySatisfy(t -> assertThat(t).contains("pw=***"));
  }

  @Test
  void post_rateLimitedOnce_waitsRetryAfterThenDelivers() {
    slack.rateLimitNext(1, 3);
    Notifier notifier = notifier(notifications, Trigger.cli(), null);

    notifier.runStarted(null, null);

    assertThat(waits).containsExactly(Duration.ofSeconds(3));
    assertThat(slack.calls("chat.postMessage")).hasSize(2);
    assertThat(notifier.notifications()).isEmpty();
  }

  @Test
  void post_rateLimitedPastTheBudget_givesUpAndRecordsTheFailure() {
    slack.rateLimitNext(3, 4);
    Notifier notifier = notifier(notifications, Trigger.cli(), null);

    notifier.runStarted(null, null);

    assertThat(waits).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
    assertThat(notifier.notifications()).singleElement().satisfies(entry -> {
      assertThat(entry.path("kind").asString()).isEqualTo("start");
      assertThat(entry.path("ok").asBoolean()).isFalse();
      assertThat(entry.path("error").asString()).contains("rate limited; gave up after waiting 8.0 s");
    });
  }

  @Test
  void runStarted_slackRefusesConnections_recordsTheFailureWithoutThrowing() throws IOException {
    String deadUrl;
    try (LocalSlack gone = new LocalSlack()) {
      deadUrl = gone.apiUrl();
    }
    try (SlackNotifications down = bot(deadUrl, SlackCredentials.of(LocalSlack.TOKEN))) {
      Notifier notifier = notifier(down, Trigger.cli(), null);

      notifier.runStarted(null, null);

      assertThat(notifier.notifications()).singleElement().satisfies(entry -> {
        assertThat(entry.path("channel").asString()).isEqualTo("#chaos");
        assertThat(entry.path("error").asString()).startsWith("chat.postMessage: ConnectException");
      });
    }
  }

  @Test
  void activityCompleted_afterSlackAnswered500_skipsTheRestAndSaysHowMany() {
    Notifier notifier = started();
    slack.failNext(1, 500);

    notifier.activityCompleted(null, Phase.METHOD, Runs.action("a", Runs.NODES.nullNode()));
    notifier.activityCompleted(null, Phase.METHOD, Runs.action("b", Runs.NODES.nullNode()));
    notifier.activityCompleted(null, Phase.ROLLBACKS, Runs.action("c", Runs.NODES.nullNode()));

    assertThat(slack.calls("chat.postMessage")).hasSize(2);
    assertThat(notifier.notifications()).extracting(e -> e.path("error").asString())
        .containsExactly("chat.postMessage: HTTP 500", "2 thread replies not sent: Slack was unreachable earlier in the run");
  }

  @Test
  void finish_slackAnswers500_returnsTheFailureWithoutThrowing() {
    Notifier notifier = started();
    slack.failNext(1, 500);

    List<NotificationOutcome> failures = notifier.finish(Runs.completed(List.of()));

    assertThat(failures).containsExactly(NotificationOutcome.failed("#chaos", "final", "chat.update: HTTP 500"));
  }

  @Test
  void finish_rootNeverPosted_postsTheFinalMessageInstead() {
    slack.failNext(1, 503);
    Notifier notifier = started();

    List<NotificationOutcome> failures = notifier.finish(Runs.completed(List.of()));

    assertThat(failures).isEmpty();
    assertThat(slack.calls("chat.update")).isEmpty();
    assertThat(slack.calls("chat.postMessage").get(1).form().get("text")).contains("*Completed*");
  }

  @Test
  void runStarted_unknownChannel_recordsSlacksError() {
    Notifier notifier = notifications.forRun(Runs.experimentOnChannel("#nowhere"), Runs.identity(Trigger.cli()),
        null, Runs.redaction()).orElseThrow();

    notifier.runStarted(null, null);

    assertThat(notifier.notifications()).singleElement()
        .satisfies(e -> assertThat(e.path("error").asString()).isEqualTo("chat.postMessage: channel_not_found"));
  }

  @Test
  void runStarted_tokenUnavailable_recordsTheFailureWithoutCallingSlack() {
    SlackCredentials missing = () -> {
      throw new io.chaosfn.ChaosfnException("secret chaosfn/slack not found");
    };
    try (SlackNotifications noToken = bot(slack.apiUrl(), missing)) {
      Notifier notifier = notifier(noToken, Trigger.cli(), null);

      notifier.runStarted(null, null);

      assertThat(slack.requests).isEmpty();
      assertThat(notifier.notifications()).singleElement().satisfies(e -> assertThat(e.path("error").asString())
          .isEqualTo("the Slack bot token is unavailable: secret chaosfn/slack not found"));
    }
  }
}
