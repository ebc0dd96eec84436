package io.chaosfn.activity.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A response as received: status, headers in the server's order and spelling (repeated headers joined with
 * {@code ", "}, as Python's requests shows them), and the raw body.
 */
record HttpReply(int status, Map<String, String> headers, byte[] body) {
  HttpReply {
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** The value of a header, its name matched case-insensitively as HTTP requires. */
  Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
