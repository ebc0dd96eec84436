package io.chaosfn.trigger.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScheduleNamesTest {
  @Test
  void of_plainId_isPrefixedOnly() {
    String name = ScheduleNames.of("frontend-db_failover.v2");

    assertThat(name).isEqualTo("chaosfn-frontend-db_failover.v2");
  }

  @Test
  void of_idWithOtherCharacters_replacesThemAndAddsAHash() {
    String name = ScheduleNames.of("team/db failover");

    assertThat(name).matches("chaosfn-team-db-failover-[0-9a-f]{8}");
  }

  @Test
  void of_idsDifferingOnlyInReplacedCharacters_getDifferentNames() {
    String slash = ScheduleNames.of("team/db");
    String dash = ScheduleNames.of("team-db");

    assertThat(slash).isNotEqualTo(dash);
  }

  @Test
  void of_longId_isCutTo64WithAHashOfTheWholeId() {
    String first = ScheduleNames.of("x".repeat(100) + "a");
    String second = ScheduleNames.of("x".repeat(100) + "b");

    assertThat(first).hasSize(64).startsWith("chaosfn-xxx").matches(".*-[0-9a-f]{8}");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void of_sameId_isStable() {
    String first = ScheduleNames.of("é".repeat(80));
    String second = ScheduleNames.of("é".repeat(80));

    assertThat(first).isEqualTo(second).hasSizeLessThanOrEqualTo(64);
  }
}
