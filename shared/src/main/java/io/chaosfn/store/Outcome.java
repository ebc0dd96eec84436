package io.chaosfn.store;

import io.chaosfn.engine.journal.Journal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A run's outcome in one word, for queries across runs: Chaos Toolkit's status, with {@code deviated} split
 * out of {@code completed}, plus the outcomes of runs that never executed.
 */
public enum Outcome {
  COMPLETED,
  DEVIATED,
  FAILED,
  ABORTED,
  INTERRUPTED,
  SKIPPED,
  INVALID,
  IN_PROGRESS;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Outcome> fromWireName(String name) {
    return Arrays.stream(values()).filter(o -> o.wireName().equals(name)).findFirst();
  }

  public static Outcome of(Journal journal) {
    if (journal.status() == null) {
      return IN_PROGRESS;
    }
    if (Journal.COMPLETED.equals(journal.status())) {
      return journal.deviated() ? DEVIATED : COMPLETED;
    }
    return fromWireName(journal.status()).orElse(ABORTED);
  }

  /** Ran to the end and held: what a success rate counts. */
  public boolean isSuccess() {
    return this == COMPLETED;
  }

  /** Ran (as opposed to skipped, invalid or still running): what summaries compare. */
  public boolean isExecuted() {
    return this != SKIPPED && this != INVALID && this != IN_PROGRESS;
  }
}
