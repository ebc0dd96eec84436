package io.chaosfn.trigger.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.experiment.Problem;
import io.chaosfn.experiment.Problems;
import io.chaosfn.experiment.document.DocumentFormat;
import io.chaosfn.experiment.document.DocumentReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ExperimentScheduleTest {
  private final Problems problems = new Problems();

  @Test
  void read_expressionOnly_defaultsToUtcNoWindowEnabled() {
    Optional<ExperimentSchedule> schedule = ExperimentSchedule.read(yaml("{expression: 'rate(1 day)'}"), problems);

    assertThat(schedule).contains(new ExperimentSchedule("rate(1 day)", ZoneId.of("UTC"), Optional.empty(), true));
  }

  @Test
  void read_everyField_readsThem() {
    Optional<ExperimentSchedule> schedule = ExperimentSchedule.read(yaml(
        "{expression: 'cron(0 10 ? * MON-FRI *)', timezone: Europe/Paris, flexible_window: 5, enabled: false}"),
        problems);

    assertThat(schedule).contains(new ExperimentSchedule("cron(0 10 ? * MON-FRI *)", ZoneId.of("Europe/Paris"),
        Optional.of(5), false));
  }

  @Test
  void read_flexibleWindowOffUnquoted_isNoWindow() {
    Optional<ExperimentSchedule> schedule = ExperimentSchedule.read(
        yaml("{expression: 'rate(1 day)', flexible_window: off}"), problems);

    assertThat(schedule.orElseThrow().flexibleWindowMinutes()).isEmpty();
  }

  @Test
  void read_noChaosfnSchedule_isEmptyWithoutProblems() {
    Optional<ExperimentSchedule> schedule = ExperimentSchedule.read(yaml(null), problems);

    assertThat(schedule).isEmpty();
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void read_everythingWrong_reportsEveryProblemAtItsPath() {
    Optional<ExperimentSchedule> schedule = ExperimentSchedule.read(yaml(
        "{expression: 'rate(5 weeks)', timezone: Nowhere/Land, flexible_window: 2000, enabled: 'yes please'}"),
        problems);

    assertThat(schedule).isEmpty();
    assertThat(problems.list()).extracting(Problem::path).containsExactly(
        "extensions[1].schedule.expression", "extensions[1].schedule.timezone",
        "extensions[1].schedule.flexible_window", "extensions[1].schedule.enabled");
  }

  private static ObjectNode yaml(String schedule) {
    String text = "title: t\nextensions:\n  - name: other\n  - name: chaosfn\n    id: x\n"
        + (schedule == null ? "" : "    schedule: " + schedule + "\n");
    return DocumentReader.read(text.getBytes(StandardCharsets.UTF_8), DocumentFormat.YAML, "test.yaml");
  }
}
