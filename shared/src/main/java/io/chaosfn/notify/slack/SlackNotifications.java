package io.chaosfn.notify.slack;

import io.chaosfn.engine.RunContext;
import io.chaosfn.engine.control.NativeControl;
import io.chaosfn.experiment.Control;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.notify.Notifier;
import io.chaosfn.store.ExperimentHistory;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A deployment's Slack: built once per container by the composition root, it makes one {@link SlackNotifier} per
 * notified run. Two ways to reach Slack: a bot token (one message per run, posted when it starts, updated when it
 * ends, details in its thread) or an incoming-webhook URL (one message when the run ends; a webhook can neither
 * update nor thread).
 *
 * <p>Which channel: the {@code chaosfn} extension's {@code notify.slack_channel}, else the {@code channel}
 * argument of a top-level {@code chaosslack.control} control, else the default channel. A run is notified when
 * one of them names a channel; with a webhook, the webhook decides the channel and the experiment only needs to
 * ask for Slack (or a default channel be set).
 */
public final class SlackNotifications implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlackNotifications.class);
  static final String WEBHOOK_CHANNEL = "webhook";
  private final SlackSettings settings;
  private final Destination destination;
  private final RateLimit.Waiter waiter;
  private final SlackApi api;

  SlackNotifications(SlackSettings settings, Destination destination, RateLimit.Waiter waiter) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.destination = Objects.requireNonNull(destination, "destination");
    this.waiter = waiter;
    this.api = new SlackApi(settings);
  }

  /** Slack through a bot token: the full message with its thread. */
  public static SlackNotifications bot(SlackSettings settings, SlackCredentials credentials) {
    return new SlackNotifications(settings, new Destination.Bot(credentials), RateLimit.Waiter.REAL);
  }

  /** Slack through an incoming webhook: one final message per run. The URL is a credential; it is never shown. */
  public static SlackNotifications webhook(SlackSettings settings, String webhookUrl) {
    return new SlackNotifications(settings, new Destination.Webhook(webhookUrl), RateLimit.Waiter.REAL);
  }

  /** The native {@code chaosslack.control}, for the parser's control checks and the runner's native controls. */
  public NativeControl control() {
    return new SlackControl();
  }

  /**
   * The notifier of one run, to add to the run's listeners, or empty when the run is not to be notified.
   *
   * @param previous the experiment's history before this run (for the headline), or null when it has none
   * @param redaction the run's secret redaction: every value a message shows goes through it
   */
  public Optional<Notifier> forRun(Experiment experiment, RunContext.RunIdentity identity, ExperimentHistory previous,
      RunContext.SecretRedaction redaction) {
    Optional<String> channel = channel(experiment);
    if (channel.isEmpty()) {
      return Optional.empty();
    }
    RunMessages messages = new RunMessages(experiment.title(), identity.runId(), identity.trigger(), previous,
        settings.journalApi(), redaction);
    RateLimit limit = new RateLimit(settings.rateLimitBudget(), waiter);
    String label = destination instanceof Destination.Webhook ? WEBHOOK_CHANNEL : channel.get();
    return Optional.of(new SlackNotifier(api, destination, label, messages, limit, redaction));
  }

  private Optional<String> channel(Experiment experiment) {
    Optional<String> declared = text(experiment.extension().path("notify").path("slack_channel"))
        .or(() -> experiment.controls().stream()
            .filter(c -> SlackControl.MODULE.equals(c.module()))
            .map(Control::provider)
            .flatMap(p -> text(p.path("arguments").path("channel")).stream())
            .findFirst())
        .or(() -> Optional.ofNullable(settings.defaultChannel()));
    if (declared.isEmpty() && destination instanceof Destination.Webhook && asksForSlack(experiment)) {
      return Optional.of(WEBHOOK_CHANNEL);
    }
    return declared;
  }

  private static boolean asksForSlack(Experiment experiment) {
    return experiment.extension().path("notify").isObject()
        || experiment.controls().stream().anyMatch(c -> SlackControl.MODULE.equals(c.module()));
  }

  private static Optional<String> text(JsonNode node) {
    return node.isString() && !node.asString().isBlank() ? Optional.of(node.asString()) : Optional.empty();
  }

  @Override
  public void close() {
    try {
      api.close();
    } catch (Exception e) {
      LOG.warn("closing the Slack client failed: {}", e.toString());
    }
  }

  /** Where messages go. */
  sealed interface Destination {
    record Bot(SlackCredentials credentials) implements Destination {
      public Bot {
        Objects.requireNonNull(credentials, "credentials");
      }
    }

    record Webhook(String url) implements Destination {
      public Webhook {
        Objects.requireNonNull(url, "url");
      }

      /** The URL is a credential. */
      @Override
      public String toString() {
        return "Webhook[***]";
      }
    }
  }
}
