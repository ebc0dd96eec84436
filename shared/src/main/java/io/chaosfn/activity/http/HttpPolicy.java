package io.chaosfn.activity.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What the {@code http} provider may reach and how much it may take, chosen by the composition root.
 *
 * @param allowLinkLocal false refuses link-local (169.254.0.0/16, fe80::/10) and instance-metadata addresses
 *     (169.254.169.254, fd00:ec2::254): in Lambda they lead to the runtime and credential endpoints
 *     (decisions.md §4)
 * @param maxResponseBytes the largest response body read; a larger one fails the activity, so a hostile server
 *     cannot exhaust memory
 * @param defaultTimeout the connect and read timeout when the document gives none (Chaos Toolkit has none)
 */
public record HttpPolicy(boolean allowLinkLocal, int maxResponseBytes, Duration defaultTimeout) {
  /** 10 MiB: far above any health or status page, small enough for a 256 MB process. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public HttpPolicy {
    Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    if (maxResponseBytes <= 0) {
      throw new IllegalArgumentException("maxResponseBytes must be > 0, was " + maxResponseBytes);
    }
    if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
      throw new IllegalArgumentException("defaultTimeout must be > 0, was " + defaultTimeout);
    }
  }

  /** For the local CLI: every address is reachable, as in Chaos Toolkit. */
  public static HttpPolicy unrestricted() {
    return new HttpPolicy(true, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT);
  }

  /** For Lambda: link-local and instance-metadata addresses are refused. */
  public static HttpPolicy restricted() {
    return new HttpPolicy(false, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT);
  }
}
