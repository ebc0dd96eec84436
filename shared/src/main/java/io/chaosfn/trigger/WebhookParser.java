package io.chaosfn.trigger;

import java.time.Instant;

/**
 * Reads one source's authenticated request into a {@link ParsedWebhook}. Parsers are pure: no I/O, no clock
 * (the time of receipt is an argument), so the webhook's 3 s budget goes to the network calls only.
 */
public interface WebhookParser {
  DeploySource source();

  /**
   * @param receivedAt when the request arrived: the event's timestamp when the body has none
   * @throws MalformedPayloadException when the body is not strict JSON, lacks a required field, or has a field
   *     of the wrong type, or a required header is missing
   */
  ParsedWebhook parse(WebhookRequest request, Instant receivedAt);
}
