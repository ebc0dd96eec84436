package io.chaosfn.notify.slack;

import java.time.Duration;

/**
 * What one Slack call came to.
 *
 * @param channel the channel id Slack answered with (needed for updates and replies), or null
 * @param ts the message's timestamp id, or null
 * @param error why it failed, in one line, or null when ok
 * @param unreachable the failure says Slack cannot be reached now (a connection failure, a timeout, a 5xx), so
 *     further messages of the run are not worth trying
 * @param retryAfter for a rate-limited call, how long Slack asked to wait; else null
 */
record SlackReply(boolean ok, String channel, String ts, String error, boolean unreachable, Duration retryAfter) {
  static SlackReply delivered(String channel, String ts) {
    return new SlackReply(true, channel, ts, null, false, null);
  }

  static SlackReply rejected(String error) {
    return new SlackReply(false, null, null, error, false, null);
  }

  static SlackReply unreachable(String error) {
    return new SlackReply(false, null, null, error, true, null);
  }

  static SlackReply rateLimited(Duration retryAfter) {
    return new SlackReply(false, null, null, "rate limited", false, retryAfter);
  }
}
