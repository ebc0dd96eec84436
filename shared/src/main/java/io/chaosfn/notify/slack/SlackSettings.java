package io.chaosfn.notify.slack;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a deployment talks to Slack; read from the environment by the composition root.
 *
 * @param defaultChannel where runs go whose experiment names no channel, or null: then only experiments that
 *     ask for Slack (a {@code chaosslack.control} control or the {@code chaosfn} extension's
 *     {@code notify.slack_channel}) are notified
 * @param journalApi the journal API's base URL; messages link to {@code <journalApi>/runs/<runId>}. Null: the
 *     run id is shown without a link
 * @param apiUrl the Web API's method prefix, {@code https://slack.com/api/} but in tests and the sandbox
 * @param callTimeout the longest one Slack call may take
 * @param rateLimitBudget the longest one run's messages may wait, in total, for Slack's {@code Retry-After}
 */
public record SlackSettings(
    String defaultChannel, URI journalApi, String apiUrl, Duration callTimeout, Duration rateLimitBudget) {
  public static final String SLACK_API = "https://slack.com/api/";
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_RATE_LIMIT_BUDGET = Duration.ofSeconds(10);

  public SlackSettings {
    Objects.requireNonNull(apiUrl, "apiUrl");
    if (!apiUrl.endsWith("/")) {
      throw new IllegalArgumentException("the Slack API URL must end with '/': " + apiUrl);
    }
    if (defaultChannel != null && defaultChannel.isBlank()) {
      throw new IllegalArgumentException("the default Slack channel is blank");
    }
    if (callTimeout == null || callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("the Slack call timeout must be positive");
    }
    if (rateLimitBudget == null || rateLimitBudget.isNegative()) {
      throw new IllegalArgumentException("the Slack rate-limit budget must be zero or more");
    }
  }

  /** Slack itself, with the default timeout and rate-limit budget. */
  public static SlackSettings of(String defaultChannel, URI journalApi) {
    return new SlackSettings(defaultChannel, journalApi, SLACK_API, DEFAULT_CALL_TIMEOUT, DEFAULT_RATE_LIMIT_BUDGET);
  }

  /** The same settings against another Slack-compatible endpoint (a local one in tests and the sandbox). */
  public SlackSettings withApiUrl(String url) {
    return new SlackSettings(defaultChannel, journalApi, url, callTimeout, rateLimitBudget);
  }
}
