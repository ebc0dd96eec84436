package io.chaosfn.trigger.schedule.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.trigger.schedule.ScheduleDefinition;
import io.chaosfn.trigger.schedule.SchedulesUnavailableException;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** {@link EventBridgeSchedules} against {@link SchedulerStandIn}, a stand-in for the Scheduler's REST-JSON API. */
class EventBridgeSchedulesTest {
  private static final String FUNCTION = "arn:aws:lambda:eu-west-1:123456789012:function:run";
  private static final String ROLE = "arn:aws:iam::123456789012:role/scheduler";

  private final SchedulerStandIn standIn = new SchedulerStandIn();
  private final EventBridgeSchedules schedules = new EventBridgeSchedules(SchedulerClients.to(standIn), "chaosfn", FUNCTION, ROLE);

  @AfterEach
  void stop() {
    standIn.close();
  }

  @Test
  void put_newName_createsScheduleTargetingTheFunctionWithoutRetries() {
    ScheduleDefinition definition = new ScheduleDefinition("chaosfn-db", "cron(0 10 ? * MON-FRI *)",
        ZoneId.of("Europe/Paris"), Optional.of(15), true, "{\"experiment\":\"s3://b/db.yaml\"}");

    schedules.put(definition);

    ObjectNode stored = standIn.schedule("chaosfn", "chaosfn-db").orElseThrow();
    assertThat(stored.path("ScheduleExpression").asString()).isEqualTo("cron(0 10 ? * MON-FRI *)");
    assertThat(stored.path("ScheduleExpressionTimezone").asString()).isEqualTo("Europe/Paris");
    assertThat(stored.path("FlexibleTimeWindow").path("Mode").asString()).isEqualTo("FLEXIBLE");
    assertThat(stored.path("FlexibleTimeWindow").path("MaximumWindowInMinutes").asInt()).isEqualTo(15);
    assertThat(stored.path("State").asString()).isEqualTo("ENABLED");
    assertThat(stored.path("Target").path("Arn").asString()).isEqualTo(FUNCTION);
    assertThat(stored.path("Target").path("RoleArn").asString()).isEqualTo(ROLE);
    assertThat(stored.path("Target").path("Input").asString()).isEqualTo("{\"experiment\":\"s3://b/db.yaml\"}");
    assertThat(stored.path("Target").path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isZero();
  }

  @Test
  void put_existingName_updatesItAfterTheConflict() {
    schedules.put(new ScheduleDefinition("chaosfn-db", "rate(1 hour)", ZoneId.of("UTC"), Optional.empty(), true,
        "{}"));

    schedules.put(new ScheduleDefinition("chaosfn-db", "rate(2 hours)", ZoneId.of("UTC"), Optional.empty(), false,
        "{}"));

    ObjectNode stored = standIn.schedule("chaosfn", "chaosfn-db").orElseThrow();
    assertThat(stored.path("ScheduleExpression").asString()).isEqualTo("rate(2 hours)");
    assertThat(stored.path("State").asString()).isEqualTo("DISABLED");
    assertThat(stored.path("FlexibleTimeWindow").path("Mode").asString()).isEqualTo("OFF");
    assertThat(standIn.requests()).containsExactly("POST chaosfn-db", "POST chaosfn-db", "PUT chaosfn-db");
  }

  @Test
  void delete_existingSchedule_removesItAndSaysSo() {
    schedules.put(new ScheduleDefinition("chaosfn-db", "rate(1 hour)", ZoneId.of("UTC"), Optional.empty(), true,
        "{}"));

    boolean deleted = schedules.delete("chaosfn-db");

    assertThat(deleted).isTrue();
    assertThat(standIn.size()).isZero();
  }

  @Test
  void delete_missingSchedule_isFalseNotAnError() {
    boolean deleted = schedules.delete("chaosfn-none");

    assertThat(deleted).isFalse();
  }

  @Test
  void put_serviceFailing_throwsUnavailableNamingTheSchedule() {
    standIn.failWith(500);

    assertThatThrownBy(() -> schedules.put(new ScheduleDefinition("chaosfn-db", "rate(1 hour)", ZoneId.of("UTC"),
        Optional.empty(), true, "{}")))
        .isInstanceOf(SchedulesUnavailableException.class)
        .hasMessageContaining("chaosfn/chaosfn-db");
  }
}
