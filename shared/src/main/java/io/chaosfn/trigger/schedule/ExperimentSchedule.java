package io.chaosfn.trigger.schedule;

import io.chaosfn.experiment.JsonKind;
import io.chaosfn.experiment.Problems;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The {@code schedule} of an experiment's {@code chaosfn} extension (architecture.md):
 * {@code {expression, timezone, flexible_window, enabled}}. {@code timezone} defaults to UTC,
 * {@code flexible_window} is minutes (1 to 1440, the Scheduler's range) or {@code off} (the default; also
 * {@code false}), and
 * {@code enabled} defaults to true.
 *
 * @param flexibleWindowMinutes empty for {@code off}
 */
public record ExperimentSchedule(String expression, ZoneId timezone, Optional<Integer> flexibleWindowMinutes,
    boolean enabled) {
  private static final int MAX_WINDOW_MINUTES = 1440;

  public ExperimentSchedule {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(flexibleWindowMinutes, "flexibleWindowMinutes");
  }

  /**
   * The schedule the document declares, empty when its {@code chaosfn} extension has none (or there is no such
   * extension). Every problem is added at its path ({@code extensions[1].schedule.expression}); the schedule is
   * empty when there is any.
   */
  public static Optional<ExperimentSchedule> read(JsonNode document, Problems problems) {
    JsonNode extensions = document.path("extensions");
    for (int i = 0; i < extensions.size(); i++) {
      JsonNode extension = extensions.get(i);
      if ("chaosfn".equals(extension.path("name").asString("")) && extension.has("schedule")) {
        return fromObject(extension.get("schedule"), problems.at("extensions").at(i).at("schedule"));
      }
    }
    return Optional.empty();
  }

  private static Optional<ExperimentSchedule> fromObject(JsonNode schedule, Problems problems) {
    if (!schedule.isObject()) {
      problems.add("expected an object {expression, timezone, flexible_window, enabled}, found "
          + JsonKind.of(schedule));
      return Optional.empty();
    }
    int before = problems.count();
    JsonNode expression = schedule.path("expression");
    if (!expression.isString()) {
      problems.at("expression").add("a schedule needs an expression: rate(...), cron(...) or at(...)");
    } else {
      ScheduleExpression.problems(expression.asString()).forEach(problems.at("expression")::add);
    }
    ZoneId timezone = timezone(schedule.path("timezone"), problems.at("timezone"));
    Optional<Integer> window = window(schedule.path("flexible_window"), problems.at("flexible_window"));
    JsonNode enabled = schedule.path("enabled");
    if (!enabled.isMissingNode() && !enabled.isBoolean()) {
      problems.at("enabled").add("expected true or false, found " + JsonKind.of(enabled));
    }
    if (problems.count() > before) {
      return Optional.empty();
    }
    return Optional.of(new ExperimentSchedule(expression.asString(), timezone, window, enabled.asBoolean(true)));
  }

  private static ZoneId timezone(JsonNode zone, Problems problems) {
    if (zone.isMissingNode()) {
      return ZoneId.of("UTC");
    }
    try {
      if (zone.isString()) {
        return ZoneId.of(zone.asString());
      }
    } catch (DateTimeException e) {
      problems.add("expected an IANA time zone such as Europe/Paris, found '" + zone.asString() + "'");
      return null;
    }
    problems.add("expected an IANA time zone such as Europe/Paris, found " + JsonKind.of(zone));
    return null;
  }

  private static Optional<Integer> window(JsonNode window, Problems problems) {
    // YAML 1.1 reads an unquoted off as false.
    boolean off = window.isBoolean() && !window.booleanValue() || "off".equals(window.asString(""));
    if (window.isMissingNode() || window.isNull() || off) {
      return Optional.empty();
    }
    if (window.isIntegralNumber() && window.canConvertToInt() && window.intValue() >= 1
        && window.intValue() <= MAX_WINDOW_MINUTES) {
      return Optional.of(window.intValue());
    }
    problems.add("expected a number of minutes from 1 to " + MAX_WINDOW_MINUTES + " or 'off', found " + window);
    return Optional.empty();
  }
}
