package io.chaosfn.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.notify.NotificationOutcome;
import io.chaosfn.notify.Notifier;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which runs are notified, and in which channel: the {@code chaosfn} extension, then {@code chaosslack.control},
 * then the default. The channel is observed in what {@link LocalSlack} (a stand-in: no local Slack exists)
 * receives, or in the channel of a recorded failure.
 */
class SlackNotificationsTest {
  private LocalSlack slack;
  private final List<SlackNotifications> opened = new ArrayList<>();

  @BeforeEach
  void startSlack() throws IOException {
    slack = new LocalSlack();
  }

  @AfterEach
  void stopSlack() {
    opened.forEach(SlackNotifications::close);
    slack.close();
  }

  private Optional<Notifier> forRun(String defaultChannel, Experiment experiment) {
    SlackSettings settings = new SlackSettings(defaultChannel, null, slack.apiUrl(), Duration.ofSeconds(2),
        Duration.ZERO);
    SlackNotifications notifications = open(SlackNotifications.bot(settings, SlackCredentials.of(LocalSlack.TOKEN)));
    return notifications.forRun(experiment, Runs.identity(Trigger.cli()), null, Runs.redaction());
  }

  private SlackNotifications open(SlackNotifications notifications) {
    opened.add(notifications);
    return notifications;
  }

  private String postedChannel(Notifier notifier) {
    notifier.runStarted(null, null);
    return slack.calls("chat.postMessage").get(0).form().get("channel");
  }

  @Test
  void forRun_extensionNamesAChannel_postsThere() {
    Experiment experiment = Runs.experiment(Runs.experimentOnChannel("#chaos").extension(),
        List.of(Runs.slackControl("#team")));

    Notifier notifier = forRun("#default", experiment).orElseThrow();

    assertThat(postedChannel(notifier)).isEqualTo("#chaos");
  }

  @Test
  void forRun_onlyTheSlackControlNamesAChannel_postsThere() {
    Experiment experiment = Runs.experiment(Runs.NODES.objectNode(), List.of(Runs.slackControl("#team")));

    Notifier notifier = forRun("#default", experiment).orElseThrow();

    assertThat(postedChannel(notifier)).isEqualTo("#team");
  }

  @Test
  void forRun_noChannelDeclared_usesTheDefault() {
    Experiment experiment = Runs.experiment(Runs.NODES.missingNode(), List.of());

    Notifier notifier = forRun("#default", experiment).orElseThrow();

    assertThat(notifier.finish(Runs.completed(List.of())))
        .containsExactly(NotificationOutcome.failed("#default", "final", "chat.postMessage: channel_not_found"));
  }

  @Test
  void forRun_noChannelAnywhere_notifiesNothing() {
    Experiment experiment = Runs.experiment(Runs.NODES.missingNode(), List.of(Runs.slackControl(null)));

    Optional<Notifier> notifier = forRun(null, experiment);

    assertThat(notifier).isEmpty();
  }

  @Test
  void forRun_webhookAndExperimentAsksForSlack_notifiesWithoutAChannel() {
    SlackSettings settings = new SlackSettings(null, URI.create("https://chaos.example"), slack.apiUrl(),
        Duration.ofSeconds(2), Duration.ZERO);
    SlackNotifications notifications = open(SlackNotifications.webhook(settings, slack.webhookUrl()));

    Optional<Notifier> notifier = notifications.forRun(Runs.experiment(Runs.NODES.missingNode(),
        List.of(Runs.slackControl(null))), Runs.identity(Trigger.cli()), null, Runs.redaction());

    assertThat(notifier).isPresent();
  }

  @Test
  void forRun_webhookAndExperimentDoesNotAsk_notifiesNothing() {
    SlackSettings settings = new SlackSettings(null, null, slack.apiUrl(), Duration.ofSeconds(2), Duration.ZERO);
    SlackNotifications notifications = open(SlackNotifications.webhook(settings, slack.webhookUrl()));

    Optional<Notifier> notifier = notifications.forRun(Runs.experiment(Runs.NODES.missingNode(), List.of()),
        Runs.identity(Trigger.cli()), null, Runs.redaction());

    assertThat(notifier).isEmpty();
  }
}
