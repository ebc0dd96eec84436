package io.chaosfn.functions;

import io.chaosfn.notify.slack.SlackCredentials;
import io.chaosfn.notify.slack.SlackNotifications;
import io.chaosfn.notify.slack.SlackSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack variables the functions and the CLI read alike, and the {@link SlackNotifications} they make. Where
 * the bot token comes from differs (Secrets Manager in Lambda, {@code SLACK_BOT_TOKEN} in the CLI and the
 * sandbox), so the caller passes it in.
 *
 * @param channel {@code CHAOSFN_SLACK_CHANNEL}: the default channel, or null (then only experiments naming one)
 * @param journalApi {@code CHAOSFN_JOURNAL_API_URL}: the base of each message's run link, or null
 * @param apiUrl {@code CHAOSFN_SLACK_API_URL}: another Slack-compatible Web API, or null for Slack's own
 * @param webhookUrl {@code CHAOSFN_SLACK_WEBHOOK_URL}: an incoming webhook instead of a bot, or null; a credential,
 *     left out of {@link #toString()}
 */
public record SlackVariables(String channel, URI journalApi, String apiUrl, String webhookUrl) {
  public static final String CHANNEL = "CHAOSFN_SLACK_CHANNEL";
  public static final String JOURNAL_API_URL = "CHAOSFN_JOURNAL_API_URL";
  public static final String API_URL = "CHAOSFN_SLACK_API_URL";
  public static final String WEBHOOK_URL = "CHAOSFN_SLACK_WEBHOOK_URL";

  /**
   * @throws IllegalArgumentException when {@code CHAOSFN_JOURNAL_API_URL} is not a URI
   */
  public static SlackVariables from(Map<String, String> variables) {
    String journalApi = value(variables, JOURNAL_API_URL);
    return new SlackVariables(value(variables, CHANNEL), journalApi == null ? null : uri(journalApi),
        value(variables, API_URL), value(variables, WEBHOOK_URL));
  }

  private static URI uri(String journalApi) {
    try {
      return new URI(journalApi);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(JOURNAL_API_URL + " is not a URI: " + e.getMessage(), e);
    }
  }

  /**
   * Slack when configured: the incoming webhook when one is set, else the bot when there is a token; empty
   * otherwise, and {@code chaosslack.control} stays an ignored control, as decisions.md §4 says.
   */
  public Optional<SlackNotifications> notifications(Optional<SlackCredentials> bot) {
    SlackSettings defaults = SlackSettings.of(channel, journalApi);
    SlackSettings settings = apiUrl == null ? defaults : defaults.withApiUrl(apiUrl);
    if (webhookUrl != null) {
      return Optional.of(SlackNotifications.webhook(settings, webhookUrl));
    }
    return bot.map(credentials -> SlackNotifications.bot(settings, credentials));
  }

  @Override
  public String toString() {
    return "SlackVariables[channel=" + channel + ", journalApi=" + journalApi + ", apiUrl=" + apiUrl
        + ", webhookUrl=" + (webhookUrl == null ? "unset" : "set") + "]";
  }

  private static String value(Map<String, String> variables, String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
