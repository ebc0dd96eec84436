package io.chaosfn.notify.slack;

import io.chaosfn.ChaosfnException;
import io.chaosfn.engine.Phase;
import io.chaosfn.engine.RunContext.SecretRedaction;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.RunItem;
import io.chaosfn.experiment.Activity;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.notify.NotificationOutcome;
import io.chaosfn.notify.Notifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Slack messages of one run. With a bot token: the root message is posted when the run starts, each method
 * and rollback activity is a reply in its thread, and {@link #finish} updates the root with the outcome and
 * replies with the reason of an early end. With a webhook: {@link #finish} sends one message with all of it.
 *
 * <p>Once Slack proves unreachable (a connection failure, a timeout, a 5xx), the remaining thread replies of the
 * run are skipped, so an outage costs the run one call timeout, not one per activity; the final message is still
 * tried, as Slack may be back by then. Rate limits are waited out within the run's budget. Hooks of background
 * activities come from other threads, hence the synchronisation.
 *
 * <p>CTK difference: {@code chaosslack} replies for every hook and uploads a {@code state.yaml} with most (semantics
 * §6.1); this posts the hypothesis in the root message and one reply per method or rollback activity, which keeps
 * long and continuous runs within Slack's rate limits and the app without {@code files:write}.
 */
final class SlackNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(SlackNotifier.class);
  private final SlackApi api;
  private final SlackNotifications.Destination destination;
  private final String channel;
  private final RunMessages messages;
  private final RateLimit limit;
  private final SecretRedaction redaction;
  private final List<NotificationOutcome> duringRun = new ArrayList<>();
  private String token;
  private String rootChannel;
  private String rootTs;
  private boolean unreachable;
  private int skipped;

  SlackNotifier(SlackApi api, SlackNotifications.Destination destination, String channel, RunMessages messages,
      RateLimit limit, SecretRedaction redaction) {
    this.api = api;
    this.destination = destination;
    this.channel = channel;
    this.messages = messages;
    this.limit = limit;
    this.redaction = redaction;
  }

  @Override
  public synchronized void runStarted(Experiment experiment, Journal snapshot) {
    if (!(destination instanceof SlackNotifications.Destination.Bot)) {
      return;
    }
    SlackReply reply = post(channel, messages.running(), null);
    if (reply.ok()) {
      rootChannel = reply.channel();
      rootTs = reply.ts();
    }
    failure("start", reply).ifPresent(duringRun::add);
  }

  @Override
  public synchronized void activityCompleted(Activity activity, Phase phase, RunItem item) {
    if (rootTs == null || (phase != Phase.METHOD && phase != Phase.ROLLBACKS)) {
      return;
    }
    if (unreachable) {
      skipped++;
      return;
    }
    SlackReply reply = post(rootChannel, messages.activity(phase, item), rootTs);
    failure("thread", reply).ifPresent(duringRun::add);
  }

  @Override
  public synchronized List<ObjectNode> notifications() {
    List<ObjectNode> entries = new ArrayList<>(duringRun.stream().map(NotificationOutcome::toJson).toList());
    if (skipped > 0) {
      entries.add(NotificationOutcome.failed(channel, "thread",
          skipped + " thread replies not sent: Slack was unreachable earlier in the run").toJson());
    }
    return entries;
  }

  @Override
  public synchronized List<NotificationOutcome> finish(Journal stored) {
    List<NotificationOutcome> failures = new ArrayList<>();
    Optional<String> ending = messages.ending(stored);
    if (destination instanceof SlackNotifications.Destination.Webhook webhook) {
      List<String> lines = new ArrayList<>(List.of(messages.finished(stored)));
      stored.run().forEach(item -> lines.add(messages.activity(Phase.METHOD, item)));
      stored.rollbacks().forEach(item -> lines.add(messages.activity(Phase.ROLLBACKS, item)));
      ending.ifPresent(lines::add);
      failure("final", api.send(webhook.url(), redaction.redact(String.join("\n", lines)), limit))
          .ifPresent(failures::add);
      return failures;
    }
    String text = messages.finished(stored);
    SlackReply reply = rootTs == null ? post(channel, text, null)
        : call(() -> api.update(token, rootChannel, rootTs, redaction.redact(text), limit));
    failure("final", reply).ifPresent(failures::add);
    if (reply.ok() && ending.isPresent()) {
      String threadTs = rootTs == null ? reply.ts() : rootTs;
      failure("thread", post(reply.channel(), ending.get(), threadTs)).ifPresent(failures::add);
    }
    return failures;
  }

  /** Posts with the bot token. */
  private SlackReply post(String to, String text, String threadTs) {
    return call(() -> api.post(token, to, redaction.redact(text), threadTs, limit));
  }

  private SlackReply call(Supplier<SlackReply> send) {
    if (token == null) {
      try {
        token = ((SlackNotifications.Destination.Bot) destination).credentials().botToken();
      } catch (ChaosfnException e) {
        return SlackReply.rejected("the Slack bot token is unavailable: " + redaction.redact(e.userMessage()));
      } catch (RuntimeException e) {
        return SlackReply.rejected("the Slack bot token is unavailable: " + e.getClass().getSimpleName());
      }
    }
    SlackReply reply = send.get();
    unreachable = unreachable || reply.unreachable();
    return reply;
  }

  private Optional<NotificationOutcome> failure(String kind, SlackReply reply) {
    if (reply.ok()) {
      return Optional.empty();
    }
    NotificationOutcome failed = NotificationOutcome.failed(channel, kind, redaction.redact(reply.error()));
    LOG.warn("Slack {} message to {} not delivered: {}", kind, channel, failed.error());
    return Optional.of(failed);
  }
}
