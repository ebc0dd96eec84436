package io.chaosfn.trigger.schedule.scheduler;

import io.chaosfn.trigger.schedule.ScheduleDefinition;
import io.chaosfn.trigger.schedule.Schedules;
import io.chaosfn.trigger.schedule.SchedulesUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.RetryPolicy;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * Schedules in an EventBridge Scheduler group, each invoking the RunExperiment function with the schedule's
 * input through the role the Scheduler assumes. A put is CreateSchedule, and UpdateSchedule (a full replace)
 * when the name exists. Neither the Scheduler nor Lambda retries a failed run: a chaos experiment that failed
 * must not run again by itself (the function's own async retries are off in the template too).
 */
public final class EventBridgeSchedules implements Schedules {
  private static final Logger LOG = LoggerFactory.getLogger(EventBridgeSchedules.class);

  private final SchedulerClient scheduler;
  private final String group;
  private final String functionArn;
  private final String roleArn;

  /**
   * @param group the schedule group ({@code chaosfn})
   * @param functionArn the RunExperiment function the schedules invoke
   * @param roleArn the role the Scheduler assumes to invoke it
   */
  public EventBridgeSchedules(SchedulerClient scheduler, String group, String functionArn, String roleArn) {
    this.scheduler = scheduler;
    this.group = group;
    this.functionArn = functionArn;
    this.roleArn = roleArn;
  }

  @Override
  public void put(ScheduleDefinition schedule) {
    Target target = Target.builder().arn(functionArn).roleArn(roleArn).input(schedule.input())
        .retryPolicy(RetryPolicy.builder().maximumRetryAttempts(0).build()).build();
    FlexibleTimeWindow window = schedule.flexibleWindowMinutes()
        .map(minutes -> FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.FLEXIBLE)
            .maximumWindowInMinutes(minutes).build())
        .orElseGet(() -> FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.OFF).build());
    ScheduleState state = schedule.enabled() ? ScheduleState.ENABLED : ScheduleState.DISABLED;
    try {
      try {
        scheduler.createSchedule(create -> create.name(schedule.name()).groupName(group)
            .scheduleExpression(schedule.expression())
            .scheduleExpressionTimezone(schedule.timezone().getId())
            .flexibleTimeWindow(window).state(state).target(target));
        LOG.info("created schedule {}/{}: {}", group, schedule.name(), schedule.expression());
      } catch (ConflictException e) {
        scheduler.updateSchedule(update -> update.name(schedule.name()).groupName(group)
            .scheduleExpression(schedule.expression())
            .scheduleExpressionTimezone(schedule.timezone().getId())
            .flexibleTimeWindow(window).state(state).target(target));
        LOG.info("updated schedule {}/{}: {}", group, schedule.name(), schedule.expression());
      }
    } catch (SdkException e) {
      throw unavailable("cannot write schedule " + group + "/" + schedule.name(), e);
    }
  }

  @Override
  public boolean delete(String name) {
    try {
      scheduler.deleteSchedule(delete -> delete.name(name).groupName(group));
      LOG.info("deleted schedule {}/{}", group, name);
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    } catch (SdkException e) {
      throw unavailable("cannot delete schedule " + group + "/" + name, e);
    }
  }

  private static SchedulesUnavailableException unavailable(String what, SdkException e) {
    return new SchedulesUnavailableException("EventBridge Scheduler: " + what + ": " + e.getMessage(), e);
  }
}
