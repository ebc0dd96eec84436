package io.chaosfn.engine.journal;

import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One executed activity, as Chaos Toolkit journals it.
 *
 * @param activity the activity object as executed (refs resolved, placeholders kept)
 * @param output the provider's output; a null node when dry, failed or nothing was returned
 * @param status {@code succeeded}, {@code failed}, or null when interrupted mid-flight
 * @param exception the failure's lines (the last one {@code "<type>: <message>\n"}), or null
 * @param toleranceMet for hypothesis probes only, else null
 * @param extra keys other tools added, kept so journals round-trip
 */
public record RunItem(
    ObjectNode activity,
    JsonNode output,
    Instant start,
    String status,
    JsonNode exception,
    Instant end,
    double duration,
    Boolean toleranceMet,
    ObjectNode extra) {
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  public RunItem {
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(start, "start");
  }

  public String name() {
    return activity.path("name").asString("");
  }

  public boolean succeeded() {
    return SUCCEEDED.equals(status);
  }

  public RunItem withToleranceMet(boolean met) {
    return new RunItem(activity, output, start, status, exception, end, duration, met, extra);
  }
}
