package io.chaosfn.experiment.tolerance;

import static io.chaosfn.experiment.tolerance.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chaosfn.experiment.Problems;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;

/**
 * Chaos Toolkit's own tolerance fixtures, read in place from {@code <chaosfn.shared.dir>/fixtures/chaostoolkit}.
 * Outputs are those of the reference's recorded runs (HTTP faked to status 200 and body "you are number 87";
 * {@code python -V} exits 0, {@code python --burp} exits 2); the probe-tolerance's {@code os.path.exists} runs in
 * {@link FakeToleranceContext}, standing in for the engine's native stand-in of that function.
 */
class ToleranceFixturesTest {
  private static final String HTTP_200 = "{'status': 200, 'headers': {}, 'body': 'you are number 87'}";

  private final FakeToleranceContext context = new FakeToleranceContext();
  private Path fixtures;

  @BeforeEach
  void locateFixtures() {
    String shared = System.getProperty("chaosfn.shared.dir");
    fixtures = shared == null ? null : Path.of(shared, "fixtures", "chaostoolkit");
    assumeTrue(fixtures != null && Files.isDirectory(fixtures),
        "the Chaos Toolkit fixtures are not checked out next to the project (system property chaosfn.shared.dir)");
  }

  private JsonNode read(String relative) throws IOException {
    return json(Files.readString(fixtures.resolve(relative)));
  }

  private boolean met(String activityFixture, String output) throws IOException {
    return Tolerances.isMet(read("lib-activities-py/" + activityFixture + ".json").get("tolerance"), json(output),
        context);
  }

  @Test
  void variousTolerances_everyHypothesisTolerance_parsesWithoutProblems() throws IOException {
    Problems problems = new Problems();
    JsonNode probes = read("lib-experiments-py/ExperimentWithVariousTolerances.json")
        .get("steady-state-hypothesis").get("probes");

    for (int i = 0; i < probes.size(); i++) {
      Tolerances.parse(probes.get(i).get("tolerance"), problems.at("probes").at(i).at("tolerance"));
    }

    assertThat(problems.list()).isEmpty();
  }

  @Test
  void activityFixtures_everyToleranceVariant_parsesWithoutProblems() throws IOException {
    Problems problems = new Problems();
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> found = Files.newDirectoryStream(
        fixtures.resolve("lib-activities-py"), "PythonModuleProbeWith*Toleran*.json")) {
      found.forEach(files::add);
    }

    for (Path file : files) {
      Tolerances.parse(json(Files.readString(file)).get("tolerance"), problems.at(file.getFileName().toString()));
    }

    assertThat(files).hasSize(8);
    assertThat(problems.list()).isEmpty();
  }

  @Test
  void httpStatusTolerance_status200_isMet() throws IOException {
    assertThat(met("PythonModuleProbeWithHTTPStatusTolerance", HTTP_200)).isTrue();
  }

  @Test
  void httpStatusToleranceDeviation_status200_isNotMet() throws IOException {
    assertThat(met("PythonModuleProbeWithHTTPStatusToleranceDeviation", HTTP_200)).isFalse();
  }

  @Test
  void httpBodyTolerance_bodyWithTwoDigits_isMet() throws IOException {
    assertThat(met("PythonModuleProbeWithHTTPBodyTolerance", HTTP_200)).isTrue();
  }

  @Test
  void processStatusTolerance_exitZero_isMet() throws IOException {
    assertThat(met("PythonModuleProbeWithProcessStatusTolerance",
        "{'status': 0, 'stdout': 'Python 3.9.18\\n', 'stderr': ''}")).isTrue();
  }

  @Test
  void processFailedStatusTolerance_exitTwo_isMet() throws IOException {
    assertThat(met("PythonModuleProbeWithProcessFailedStatusTolerance",
        "{'status': 2, 'stdout': '', 'stderr': 'unknown option --burp'}")).isTrue();
  }

  @Test
  void processStdoutTolerance_singleDigitVersionParts_isMet() throws IOException {
    assertThat(met("PythonModuleProbeWithProcesStdoutTolerance",
        "{'status': 0, 'stdout': 'Python 3.9.8\\n', 'stderr': ''}")).isTrue();
  }

  @Test
  void boolTolerance_pathExists_isMet() throws IOException {
    assertThat(met("PythonModuleProbeWithBoolTolerance", "true")).isTrue();
  }

  @Test
  void externalTolerance_probeReturningTrue_isMet() throws IOException {
    context.runningProbesWith(probe -> BooleanNode.TRUE);

    assertThat(met("PythonModuleProbeWithExternalTolerance", "true")).isTrue();
  }

  @Test
  void externalTolerance_probe_receivesOutputBesideItsPath() throws IOException {
    context.runningProbesWith(probe -> BooleanNode.TRUE);

    met("PythonModuleProbeWithExternalTolerance", "true");

    assertThat(context.probesRun().get(0).get("provider").get("arguments").propertyNames())
        .containsExactly("path", "value");
  }

  @Test
  void httpToleranceExperiment_status404_isNotMet() throws IOException {
    JsonNode tolerance = read("lib-experiments-py/HTTPToleranceExperiment.json")
        .get("steady-state-hypothesis").get("probes").get(0).get("tolerance");

    assertThat(Tolerances.isMet(tolerance, json("{'status': 404, 'headers': {}, 'body': ''}"), context)).isFalse();
  }
}
