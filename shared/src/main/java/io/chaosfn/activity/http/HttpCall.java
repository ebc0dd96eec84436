package io.chaosfn.activity.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** One HTTP request as a transport sends it: no redirects followed, no retries. */
record HttpCall(
    String method,
    URI uri,
    Map<String, String> headers,
    byte[] body,
    Duration connectTimeout,
    Duration readTimeout,
    boolean verifyTls,
    int maxResponseBytes) {

  HttpCall {
    headers = Map.copyOf(headers);
  }

  HttpCall redirectedTo(URI target, String newMethod, Map<String, String> newHeaders, byte[] newBody) {
    return new HttpCall(newMethod, target, newHeaders, newBody, connectTimeout, readTimeout, verifyTls,
        maxResponseBytes);
  }
}
