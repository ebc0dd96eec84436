package io.chaosfn.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.experiment.document.DocumentFormat;
import io.chaosfn.experiment.document.DocumentReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The {@code schedule} of the {@code chaosfn} extension, as validation and ScheduleSync both read it. */
class ChaosfnExtensionScheduleTest {
  private final Problems problems = new Problems();

  private ChaosfnExtension.Schedule schedule(String yaml) {
    return ChaosfnExtension.fromDocument(document(yaml), problems).schedule();
  }

  @Test
  void read_expressionOnly_defaultsToUtcNoWindowEnabled() {
    ChaosfnExtension.Schedule schedule = schedule("{expression: 'rate(1 day)'}");

    assertThat(schedule).isEqualTo(new ChaosfnExtension.Schedule("rate(1 day)", ZoneId.of("UTC"), true, null));
  }

  @Test
  void read_everyField_readsThem() {
    ChaosfnExtension.Schedule schedule = schedule(
        "{expression: 'cron(0 10 ? * MON-FRI *)', timezone: Europe/Paris, flexible_window: 5, enabled: false}");

    assertThat(schedule).isEqualTo(new ChaosfnExtension.Schedule("cron(0 10 ? * MON-FRI *)",
        ZoneId.of("Europe/Paris"), false, 5));
  }

  @Test
  void read_flexibleWindowOffUnquoted_isNoWindow() {
    ChaosfnExtension.Schedule schedule = schedule("{expression: 'rate(1 day)', flexible_window: off}");

    assertThat(schedule.flexibleWindowMinutes()).isNull();
  }

  @Test
  void read_noChaosfnSchedule_isEmptyWithoutProblems() {
    ChaosfnExtension.Schedule schedule = schedule(null);

    assertThat(schedule).isNull();
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void read_everythingWrong_reportsEveryProblemAtItsPath() {
    ChaosfnExtension.Schedule schedule = schedule(
        "{expression: 'rate(5 weeks)', timezone: Nowhere/Land, flexible_window: 2000, enabled: 'yes please'}");

    assertThat(schedule).isNull();
    assertThat(problems.list()).extracting(Problem::path).containsExactly(
        "extensions[1].schedule.expression", "extensions[1].schedule.timezone",
        "extensions[1].schedule.flexible_window", "extensions[1].schedule.enabled");
  }

  private static ObjectNode document(String schedule) {
    String text = "title: t\nextensions:\n  - name: other\n  - name: chaosfn\n    id: x\n"
        + (schedule == null ? "" : "    schedule: " + schedule + "\n");
    return DocumentReader.read(text.getBytes(StandardCharsets.UTF_8), DocumentFormat.YAML, "test.yaml");
  }
}
