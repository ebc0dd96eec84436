package io.chaosfn.trigger;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A webhook request as the service sees it, whatever carried it: header names lower-case, the body as the raw
 * bytes the sender signed (already base64-decoded when the Function URL marked it so).
 */
public record WebhookRequest(String method, String path, Map<String, String> headers, byte[] body) {
  public WebhookRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    headers = headers.entrySet().stream().collect(Collectors.toUnmodifiableMap(
        entry -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (first, second) -> first));
    body = body == null ? new byte[0] : body;
  }

  /** The header's value; {@code name} is compared case-insensitively. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }
}
