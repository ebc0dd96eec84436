package io.chaosfn.notify.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The three Slack calls chaosfn makes, through the official SDK, each retried after a rate limit for as long as the
 * run's {@link RateLimit} allows. Nothing here throws: every failure is a {@link SlackReply}.
 */
final class SlackApi implements AutoCloseable {
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
  private final Slack slack;

  SlackApi(SlackSettings settings) {
    SlackConfig config = new SlackConfig();
    // The SDK's rate-limit metrics call auth.test before the first method and keep a background thread: we honour
    // Retry-After ourselves, per run, so they would only add a call.
    config.setStatsEnabled(false);
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    int timeout = Math.toIntExact(settings.callTimeout().toMillis());
    config.setHttpClientCallTimeoutMillis(timeout);
    config.setHttpClientReadTimeoutMillis(timeout);
    config.setHttpClientWriteTimeoutMillis(timeout);
    this.slack = Slack.getInstance(config);
  }

  /** {@code chat.postMessage}; a reply in a thread when {@code threadTs} is set. */
  SlackReply post(String token, String channel, String text, String threadTs, RateLimit limit) {
    ChatPostMessageRequest request = ChatPostMessageRequest.builder().channel(channel).text(text).threadTs(threadTs)
        .mrkdwn(true).unfurlLinks(false).unfurlMedia(false).build();
    return withRetries("chat.postMessage", limit, () -> {
      ChatPostMessageResponse response = slack.methods(token).chatPostMessage(request);
      return response.isOk() ? SlackReply.delivered(response.getChannel(), response.getTs())
          : SlackReply.rejected("chat.postMessage: " + response.getError());
    });
  }

  /** {@code chat.update} of a message this bot posted. */
  SlackReply update(String token, String channelId, String ts, String text, RateLimit limit) {
    ChatUpdateRequest request = ChatUpdateRequest.builder().channel(channelId).ts(ts).text(text).build();
    return withRetries("chat.update", limit, () -> {
      ChatUpdateResponse response = slack.methods(token).chatUpdate(request);
      return response.isOk() ? SlackReply.delivered(response.getChannel(), response.getTs())
          : SlackReply.rejected("chat.update: " + response.getError());
    });
  }

  /** One message to an incoming webhook; the URL is a credential, so no error names it. */
  SlackReply send(String webhookUrl, String text, RateLimit limit) {
    String payload = JsonNodeFactory.instance.objectNode().put("text", text).toString();
    SlackReply reply = withRetries("incoming webhook", limit, () -> {
      WebhookResponse response = slack.send(webhookUrl, payload);
      int code = response.getCode();
      if (code == 200) {
        return SlackReply.delivered(null, null);
      }
      if (code == 429) {
        return SlackReply.rateLimited(retryAfter(response.getHeaders()));
      }
      String error = "incoming webhook: HTTP " + code + " " + String.valueOf(response.getBody()).strip();
      return code >= 500 ? SlackReply.unreachable(error) : SlackReply.rejected(error);
    });
    return reply.ok() ? reply : new SlackReply(false, null, null, reply.error().replace(webhookUrl, "<webhook URL>"),
        reply.unreachable(), null);
  }

  private SlackReply withRetries(String method, RateLimit limit, Call call) {
    while (true) {
      SlackReply reply = once(method, call);
      if (reply.retryAfter() == null) {
        return reply;
      }
      try {
        if (!limit.await(reply.retryAfter())) {
          return SlackReply.rejected(method + ": rate limited; gave up after waiting "
              + limit.spent().toMillis() / 1000.0 + " s in this run (Slack asked for "
              + reply.retryAfter().toSeconds() + " s more)");
        }
      } catch (InterruptedException e) {
        // The engine interrupts the runner thread to stop a run: keep the flag for it and stop waiting.
        Thread.currentThread().interrupt();
        return SlackReply.rejected(method + ": interrupted while waiting out a rate limit");
      }
    }
  }

  private static SlackReply once(String method, Call call) {
    try {
      return call.run();
    } catch (SlackApiException e) {
      int code = e.getResponse().code();
      if (code == 429) {
        return SlackReply.rateLimited(retryAfter(e.getResponse().headers().toMultimap()));
      }
      String error = method + ": HTTP " + code;
      return code >= 500 ? SlackReply.unreachable(error) : SlackReply.rejected(error);
    } catch (IOException | RuntimeException e) {
      return SlackReply.unreachable(method + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  /** Slack's {@code Retry-After} is whole seconds; a missing or odd one waits a second. */
  private static Duration retryAfter(Map<String, List<String>> headers) {
    if (headers != null) {
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        if ("retry-after".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
          try {
            long seconds = Long.parseLong(header.getValue().get(0).strip());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : DEFAULT_RETRY_AFTER;
          } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
          }
        }
      }
    }
    return DEFAULT_RETRY_AFTER;
  }

  @Override
  public void close() throws Exception {
    slack.close();
  }

  @FunctionalInterface
  private interface Call {
    SlackReply run() throws IOException, SlackApiException;
  }
}
