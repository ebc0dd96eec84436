package io.chaosfn.experiment.document;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link ExperimentLoader} fetches documents over HTTP (§1.1).
 *
 * @param bearerToken sent as {@code Authorization: bearer <token>} to the source's host; Chaos Toolkit reads it
 *     from {@code CHAOSTOOLKIT_LOADER_AUTH_BEARER_TOKEN}, which the caller passes in; null or blank for none
 * @param auths settings {@code auths}: exact {@code host[:port]} → header value {@code "<type> <value>"}, used
 *     when there is no bearer token
 * @param verifyTls false only for {@code --no-verify-tls}
 * @param maxBytes a larger body is refused, and a body streaming past it is cut off
 */
public record SourceOptions(
    String bearerToken,
    Map<String, String> auths,
    boolean verifyTls,
    Duration connectTimeout,
    Duration readTimeout,
    int maxBytes) {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  public SourceOptions {
    auths = Map.copyOf(auths);
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
  }

  /** No credentials, TLS verified, 10 s to connect, 30 s to read, 10 MiB. */
  public static SourceOptions defaults() {
    return new SourceOptions(
        null, Map.of(), true, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DocumentReader.MAX_DOCUMENT_BYTES);
  }

  public SourceOptions withBearerToken(String token) {
    return new SourceOptions(token, auths, verifyTls, connectTimeout, readTimeout, maxBytes);
  }

  public SourceOptions withAuths(Map<String, String> hostAuths) {
    return new SourceOptions(bearerToken, hostAuths, verifyTls, connectTimeout, readTimeout, maxBytes);
  }

  public SourceOptions withVerifyTls(boolean verify) {
    return new SourceOptions(bearerToken, auths, verify, connectTimeout, readTimeout, maxBytes);
  }

  public SourceOptions withTimeouts(Duration connect, Duration read) {
    return new SourceOptions(bearerToken, auths, verifyTls, connect, read, maxBytes);
  }

  public SourceOptions withMaxBytes(int limit) {
    return new SourceOptions(bearerToken, auths, verifyTls, connectTimeout, readTimeout, limit);
  }

  /** Credentials are never printed. */
  @Override
  public String toString() {
    return "SourceOptions[bearerToken=" + (hasBearerToken() ? "***" : "none") + ", auths=" + auths.keySet()
        + ", verifyTls=" + verifyTls + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", maxBytes=" + maxBytes + "]";
  }

  boolean hasBearerToken() {
    return bearerToken != null && !bearerToken.isBlank();
  }
}
