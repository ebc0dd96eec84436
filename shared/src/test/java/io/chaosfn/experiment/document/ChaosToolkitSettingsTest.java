package io.chaosfn.experiment.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.experiment.InvalidExperimentException;
import io.chaosfn.experiment.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosToolkitSettingsTest {
  @TempDir Path dir;

  /** Chaos Toolkit's own settings fixtures, read in place; skipped when the shared directory is absent. */
  private static Path fixture(String relative) {
    String shared = System.getProperty("chaosfn.shared.dir");
    Assumptions.assumeTrue(shared != null, "system property chaosfn.shared.dir is not set (run through Maven)");
    Path path = Path.of(shared, "fixtures/chaostoolkit", relative);
    Assumptions.assumeTrue(Files.exists(path), "shared fixture not found: " + path);
    return path;
  }

  private Path settings(String yaml) throws IOException {
    return Files.writeString(dir.resolve("settings.yaml"), yaml);
  }

  @Test
  void load_completeSettings_readsAuthsAndControls() {
    ChaosToolkitSettings settings = ChaosToolkitSettings.load(fixture("cli-raw/complete-settings.yaml"));

    assertThat(settings.auths()).isEqualTo(Map.of("chaos.example.com:8443", "bearer a1234"));
    assertThat(settings.controls().propertyNames()).containsExactly("my-control");
    assertThat(settings.controls().at("/my-control/provider/arguments/recipients/1/name").asString()).isEqualTo("jane");
  }

  @Test
  void load_emptySettingsFixture_isEmpty() {
    ChaosToolkitSettings settings = ChaosToolkitSettings.load(fixture("cli-raw/empty-settings.yaml"));

    assertThat(settings).usingRecursiveComparison().isEqualTo(ChaosToolkitSettings.empty());
  }

  @Test
  void load_unsafeSettings_isRefusedNamingTheFile() {
    Path unsafe = fixture("lib-raw/unsafe-settings.yaml");

    assertThatThrownBy(() -> ChaosToolkitSettings.load(unsafe))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessageStartingWith(unsafe + ": line ")
        .hasMessageContaining("python/object/apply:os.system");
  }

  @Test
  void load_notificationSettings_keepsTheWholeTree() {
    ChaosToolkitSettings settings = ChaosToolkitSettings.load(fixture("lib-raw/settings.yaml"));

    assertThat(settings.tree().get("notifications").size()).isEqualTo(3);
    assertThat(settings.auths()).isEmpty();
  }

  @Test
  void load_missingFile_isEmpty() {
    ChaosToolkitSettings settings = ChaosToolkitSettings.load(dir.resolve("absent.yaml"));

    assertThat(settings.auths()).isEmpty();
    assertThat(settings.tree().isEmpty()).isTrue();
  }

  @Test
  void load_runtimeStrategies_areRead() throws IOException {
    ChaosToolkitSettings settings =
        ChaosToolkitSettings.load(settings("runtime:\n  hypothesis:\n    strategy: continuously\n  rollbacks:\n    strategy: always\n"));

    assertThat(settings.hypothesisStrategy()).isEqualTo(Optional.of("continuously"));
    assertThat(settings.rollbackStrategy()).isEqualTo(Optional.of("always"));
  }

  @Test
  void load_malformedKeys_reportsEveryProblem() throws IOException {
    Path file = settings("auths:\n  host:1: {type: bearer}\nruntime:\n  rollbacks:\n    strategy: [a]\ncontrols: [x]\n");

    assertThatThrownBy(() -> ChaosToolkitSettings.load(file))
        .isInstanceOfSatisfying(
            InvalidExperimentException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new Problem("", file + ": auths.host:1: needs a string `type` (such as bearer) and a string `value`"),
                        new Problem("", file + ": runtime.rollbacks.strategy: must be a string, found a list"),
                        new Problem("", file + ": controls: must be an object of control names to definitions, found a list")));
  }

  @Test
  void load_topLevelList_isRefused() throws IOException {
    Path file = settings("- a\n");

    assertThatThrownBy(() -> ChaosToolkitSettings.load(file))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessage(file + ": the top level must be an object, found a list");
  }

  @Test
  void toString_neverShowsTokens() throws IOException {
    ChaosToolkitSettings settings = ChaosToolkitSettings.load(settings("auths:\n  h: {type: bearer, value: tok123}\n"));

    assertThat(settings.toString()).doesNotContain("tok123").contains("h");
  }
}
