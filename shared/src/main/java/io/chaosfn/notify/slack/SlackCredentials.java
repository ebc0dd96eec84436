package io.chaosfn.notify.slack;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the bot token ({@code xoxb-…}) comes from. In Lambda the composition root backs this with Secrets
 * Manager; the CLI takes {@code SLACK_BOT_TOKEN} as {@code chaosslack} does (semantics §6.1).
 *
 * <p>Asked once per notified run, when its first message is posted, so a rotated secret is picked up by the
 * next run; an implementation that reads a remote store may cache. Throws a {@link io.chaosfn.ChaosfnException}
 * when the token cannot be had: the notifier records that as a failed notification and the run goes on.
 * Implementations never put the token in a message, a log line or an exception.
 */
@FunctionalInterface
public interface SlackCredentials {
  String botToken();

  /** A fixed token. */
  static SlackCredentials of(String token) {
    Objects.requireNonNull(token, "token");
    return () -> token;
  }

  /** {@code SLACK_BOT_TOKEN} from these variables, when set and not blank. */
  static Optional<SlackCredentials> fromEnvironment(Map<String, String> variables) {
    String token = variables.get("SLACK_BOT_TOKEN");
    return token == null || token.isBlank() ? Optional.empty() : Optional.of(of(token));
  }
}
