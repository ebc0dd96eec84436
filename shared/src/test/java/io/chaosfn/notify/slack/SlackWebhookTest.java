package io.chaosfn.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.engine.Phase;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.notify.NotificationOutcome;
import io.chaosfn.notify.Notifier;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The incoming-webhook notifier against {@link LocalSlack}, a stand-in for Slack (no local Slack exists). */
class SlackWebhookTest {
  private final List<Duration> waits = new ArrayList<>();
  private LocalSlack slack;
  private SlackNotifications notifications;

  @BeforeEach
  void startSlack() throws IOException {
    slack = new LocalSlack();
    notifications = slack.notifications(null, new SlackNotifications.Destination.Webhook(slack.webhookUrl()),
        waits::add);
  }

  @AfterEach
  void stopSlack() {
    notifications.close();
    slack.close();
  }

  private Notifier notifier() {
    return notifications.forRun(Runs.experiment(Runs.NODES.objectNode(), List.of(Runs.slackControl(null))),
        Runs.identity(Trigger.cli()), null, Runs.redaction()).orElseThrow();
  }

  @Test
  void hooks_webhook_postNothingWhileTheRunGoesOn() {
    Notifier notifier = notifier();

    notifier.runStarted(null, null);
    notifier.activityCompleted(null, Phase.METHOD, Runs.action("kill", Runs.NODES.nullNode()));

    assertThat(slack.requests).isEmpty();
  }

  @Test
  void finish_webhook_sendsOneMessageWithTheOutcomeAndEachActivity() {
    Notifier notifier = notifier();
    notifier.runStarted(null, null);

    List<NotificationOutcome> failures = notifier.finish(Runs.completed(List.of(
        Runs.action("terminate-db-master", Runs.NODES.nullNode()), Runs.failedAction("check", "timeout"))));

    assertThat(failures).isEmpty();
    assertThat(slack.requests).singleElement().satisfies(request -> {
      assertThat(request.path()).isEqualTo(LocalSlack.WEBHOOK_PATH);
      String text = JsonMapper.builder().build().readTree(request.body()).path("text").asString();
      assertThat(text).contains("*Completed*", Runs.TITLE, "<https://chaos.example/api/runs/01JDEADBEEF|",
          "[method] action `terminate-db-master` succeeded", "[method] action `check` failed");
    });
  }

  @Test
  void finish_webhookRateLimited_waitsRetryAfterThenDelivers() {
    slack.rateLimitNext(1, 2);

    List<NotificationOutcome> failures = notifier().finish(Runs.completed(List.of()));

    assertThat(failures).isEmpty();
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void finish_webhookAnswers500_returnsTheFailureWithoutItsUrl() {
    slack.failNext(1, 500);

    List<NotificationOutcome> failures = notifier().finish(Runs.completed(List.of()));

    assertThat(failures).singleElement().satisfies(failure -> {
      assertThat(failure.channel()).isEqualTo("webhook");
      assertThat(failure.error()).startsWith("incoming webhook: HTTP 500").doesNotContain("secretpart");
    });
  }
}
