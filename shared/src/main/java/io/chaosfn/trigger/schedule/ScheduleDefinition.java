package io.chaosfn.trigger.schedule;

import io.chaosfn.experiment.ScheduleExpression;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One experiment's schedule as it should exist in the Scheduler.
 *
 * @param name the schedule's name ({@link ScheduleNames#of})
 * @param expression a rate, cron or at expression that {@link ScheduleExpression} accepts
 * @param timezone the zone cron and at expressions are read in
 * @param flexibleWindowMinutes how many minutes late the Scheduler may start the run; empty for exactly on time
 * @param enabled false keeps the schedule but stops it firing
 * @param input the JSON the target receives
 */
public record ScheduleDefinition(String name, String expression, ZoneId timezone,
    Optional<Integer> flexibleWindowMinutes, boolean enabled, String input) {
  public ScheduleDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(flexibleWindowMinutes, "flexibleWindowMinutes");
    Objects.requireNonNull(input, "input");
    if (!ScheduleExpression.isValid(expression)) {
      throw new IllegalArgumentException(String.join("; ", ScheduleExpression.problems(expression)));
    }
  }
}
