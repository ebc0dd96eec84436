package io.chaosfn.trigger.schedule;

/**
 * Where experiment schedules live (the EventBridge Scheduler in AWS). Every schedule targets the function that
 * runs experiments; the implementation knows which. Both operations are idempotent, so a repeated S3 event
 * leaves the same state as the first.
 *
 * @throws SchedulesUnavailableException from either method when the service refuses or cannot be reached
 */
public interface Schedules {
  /** Creates the schedule, or replaces an existing one of the same name with this definition. */
  void put(ScheduleDefinition schedule);

  /**
   * Deletes the schedule.
   *
   * @return false when there was none
   */
  boolean delete(String name);
}
