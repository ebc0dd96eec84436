package io.chaosfn.engine.journal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Journal timestamps as Chaos Toolkit writes them: Python's {@code isoformat()} of an aware UTC datetime —
 * microseconds, {@code +00:00} instead of {@code Z}, and no fraction when the microseconds are zero.
 */
public final class Timestamps {
  private static final DateTimeFormatter WITH_MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
  private static final DateTimeFormatter WITHOUT_FRACTION =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private Timestamps() {}

  public static String format(Instant instant) {
    OffsetDateTime utc = instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    return utc.getNano() == 0 ? WITHOUT_FRACTION.format(utc) : WITH_MICROS.format(utc);
  }

  /** Parses an ISO-8601 timestamp with an offset, or a naive one taken as UTC (older journals have those). */
  public static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
  }

  /** Seconds between two instants with microsecond precision, as the journal's {@code duration}. */
  public static double secondsBetween(Instant start, Instant end) {
    return ChronoUnit.MICROS.between(start, end) / 1_000_000.0;
  }
}
