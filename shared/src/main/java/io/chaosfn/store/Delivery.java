package io.chaosfn.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One webhook delivery as the dedupe log keys it: the source tool and the delivery id it sent (or, for Flux, the
 * body's hash). Every {@link DeliveryLog} keeps a delivery for {@link #RETENTION} after it was first seen and
 * keys it as {@link #partitionKey()} / {@link #SORT_KEY} (architecture.md, data model).
 */
public record Delivery(String source, String id) {
  /** Senders retry for minutes to hours (Flux backs off, GitHub redeliveries are manual): a week covers both. */
  public static final Duration RETENTION = Duration.ofDays(7);

  public static final String SORT_KEY = "DELIVERY";

  public Delivery {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
    if (source.isBlank() || source.contains("#")) {
      throw new IllegalArgumentException("a delivery source is a non-blank name without '#', was '" + source + "'");
    }
    if (id.isBlank()) {
      throw new IllegalArgumentException("a delivery id must not be blank");
    }
  }

  /** {@code DELIVERY#<source>#<id>}. */
  public String partitionKey() {
    return "DELIVERY#" + source + "#" + id;
  }

  /** When a delivery first seen at {@code firstSeen} may be forgotten: a later copy counts as new then. */
  public static Instant expiresAt(Instant firstSeen) {
    return firstSeen.plus(RETENTION);
  }
}
