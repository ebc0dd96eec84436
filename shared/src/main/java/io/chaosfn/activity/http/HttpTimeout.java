package io.chaosfn.activity.http;

import static io.chaosfn.activity.ProviderFields.describe;
import static io.chaosfn.activity.ProviderFields.isPlaceholder;

import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The provider's {@code timeout}: a number of seconds for both connecting and each read, or
 * {@code [connect, read]}, as Python's requests takes it. A missing value, or a {@code null} in the pair, uses
 * the policy's default.
 */
record HttpTimeout(Duration connect, Duration read) {
  private static final String EXPECTED = "expected a number of seconds or a [connect, read] list of two numbers";

  /** Why the value cannot be a timeout, or empty when it can (or is still a {@code ${...}} placeholder). */
  static Optional<String> problem(JsonNode timeout) {
    if (timeout == null || timeout.isNull() || isPlaceholder(timeout)) {
      return Optional.empty();
    }
    if (timeout.isNumber()) {
      return positive(timeout) ? Optional.empty() : Optional.of("expected a number of seconds > 0, found "
          + timeout);
    }
    if (timeout.isArray() && timeout.size() == 2) {
      for (JsonNode part : timeout.values()) {
        if (!part.isNull() && !isPlaceholder(part) && !(part.isNumber() && positive(part))) {
          return Optional.of(EXPECTED + " > 0, found " + timeout);
        }
      }
      return Optional.empty();
    }
    return Optional.of(EXPECTED + ", found " + describe(timeout));
  }

  /** The timeouts of a substituted provider; a value that is still not a timeout is refused. */
  static HttpTimeout parse(JsonNode timeout, Duration fallback) {
    if (timeout == null || timeout.isNull() || timeout.isMissingNode()) {
      return new HttpTimeout(fallback, fallback);
    }
    if (timeout.isArray() && timeout.size() == 2) {
      return new HttpTimeout(seconds(timeout.get(0), fallback), seconds(timeout.get(1), fallback));
    }
    Duration both = seconds(timeout, fallback);
    return new HttpTimeout(both, both);
  }

  private static Duration seconds(JsonNode value, Duration fallback) {
    if (value.isNull()) {
      return fallback;
    }
    double seconds;
    if (value.isNumber()) {
      seconds = value.doubleValue();
    } else if (value.isString()) {
      try {
        seconds = Double.parseDouble(value.stringValue().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("timeout: " + EXPECTED + ", found '" + value.stringValue() + "'", e);
      }
    } else {
      throw new IllegalArgumentException("timeout: " + EXPECTED + ", found " + describe(value));
    }
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("timeout: expected a number of seconds > 0, found " + value);
    }
    // HttpURLConnection reads 0 ms as "wait forever": never round a small timeout down to it.
    return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
  }

  private static boolean positive(JsonNode number) {
    double value = number.doubleValue();
    return value > 0 && !Double.isInfinite(value);
  }
}
