package io.chaosfn.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chaosfn.experiment.Problem;
import io.chaosfn.experiment.document.DocumentFormat;
import io.chaosfn.experiment.document.DocumentReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validity of every rendered experiment and activity of Chaos Toolkit's fixtures against {@code
 * expected-validity.json} (the real validator's verdict and message). Our messages embed Chaos Toolkit's text,
 * sometimes with extra context, so an invalid row passes when one of our problems contains it.
 *
 * <p>Rows marked (py) in INDEX.md depend on importing Python modules. They map to the native registry's rules
 * through the stand-ins of {@link FixtureFunctions}: a module with no native implementation is "could not find
 * Python module"; a missing or undeclared keyword argument is the registry's argument check. {@link #MAPPED}
 * lists the rows whose verdict or message therefore differs, each with what it maps to.
 */
class ValidityCompatibilityTest {
  /** Rows whose chaosfn verdict deliberately differs from the oracle's, with the reason. */
  static final Map<String, Mapped> MAPPED = Map.of(
      // CTK difference: chaosfn has no Vault client and refuses vault secrets instead of running without them.
      "ExperimentWithDeprecatedVaultPayload", Mapped.invalid("vault secrets are not supported by chaosfn"),
      // The URL is a Python str.format template the lib's test fills with its server's port. CTK difference:
      // chaosfn checks URL syntax at validation; Chaos Toolkit only requires that a URL is given.
      "PythonModuleProbeWithHTTPMaxRetries", Mapped.invalid("'http://localhost:{}' is not a valid URL"),
      // (py artefact) random.choice is a bound method Python's inspect cannot bind; chaosfn has no native
      // `random` module, so the same rows are invalid for an unknown module instead.
      "ExperimentWithControlsThatUpdatedConfiguration",
      Mapped.invalid("could not find Python module 'random' in activity 'generate-token'"),
      "ExperimentWithControlsThatUpdatedSecrets",
      Mapped.invalid("could not find Python module 'random' in activity 'generate-token'"),
      "GenerateSecretTokenProbe", Mapped.invalid("could not find Python module 'random' in activity 'generate-token'"),
      // (py artefact) builtins.sum takes its iterable positionally; chaosfn has no native `builtins` module.
      "ExperimentWithTopLevelControlsAndActivityControl",
      Mapped.invalid("could not find Python module 'builtins' in activity"),
      // CTK difference (decisions.md §4): a python control other than the safeguards is a warning and is
      // ignored, so its own validate_control never runs and cannot refuse the document.
      "ExperimentWithInvalidControls", Mapped.validWithWarning("fixtures.controls.dummy_validator"));

  @TempDir
  Path fixturesDir;
  private CtkFixtures fixtures;
  private CompatEngine engine;

  /** A row's expectation as chaosfn maps it: valid or not, and the text a problem (or warning) must contain. */
  record Mapped(boolean valid, String text) {
    static Mapped invalid(String text) {
      return new Mapped(false, text);
    }

    static Mapped validWithWarning(String text) {
      return new Mapped(true, text);
    }
  }

  @BeforeEach
  void setUp() {
    fixtures = CtkFixtures.locate(fixturesDir);
    engine = new CompatEngine(fixturesDir, Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
  }

  static Stream<Arguments> experiments() {
    return rows("experiments");
  }

  static Stream<Arguments> activities() {
    return rows("activities");
  }

  private static Stream<Arguments> rows(String group) {
    Path root = CtkFixtures.root();
    if (root == null || !Files.isRegularFile(root.resolve("expected-validity.json"))) {
      return Stream.of(Arguments.argumentSet("fixtures absent", null, null));
    }
    try {
      JsonNode verdicts = CtkFixtures.JSON.readTree(root.resolve("expected-validity.json").toFile()).get(group);
      List<Arguments> rows = new ArrayList<>();
      verdicts.properties().forEach(e -> rows.add(Arguments.argumentSet(e.getKey() + " " + verdict(e.getValue()),
          e.getKey(), e.getValue().asString())));
      return rows.stream();
    } catch (RuntimeException e) {
      throw new IllegalStateException("expected-validity.json could not be read", e);
    }
  }

  private static String verdict(JsonNode expected) {
    return expected.asString().split(" ", 2)[0];
  }

  /** CTK's message: what follows the exception class, without the trailing space some messages carry. */
  private static String message(String expected) {
    return expected.substring(expected.indexOf(": ") + 2).strip();
  }

  @ParameterizedTest
  @MethodSource("experiments")
  void experiment_validated_matchesChaosToolkitVerdict(String name, String expected) {
    assumeTrue(name != null, CtkFixtures.MISSING);
    Path yaml = fixtures.path("lib-experiments-py/" + name + ".yaml");

    if (expected.startsWith("LOAD-ERROR")) {
      assertThatThrownBy(() -> DocumentReader.read(fixtures.text("lib-experiments-py/" + name + ".yaml")
          .getBytes(StandardCharsets.UTF_8), DocumentFormat.YAML, yaml.toString()))
          .hasMessageContaining("python/object/apply");
      return;
    }
    ObjectNode document = Files.exists(yaml)
        ? DocumentReader.read(fixtures.text("lib-experiments-py/" + name + ".yaml").getBytes(StandardCharsets.UTF_8),
            DocumentFormat.YAML, yaml.toString())
        : fixtures.experiment(name);

    check(name, expected, document, engine.validate(document).list());
  }

  @ParameterizedTest
  @MethodSource("activities")
  void activity_validatedAsTheOnlyMethodStep_matchesChaosToolkitVerdict(String name, String expected) {
    assumeTrue(name != null, CtkFixtures.MISSING);
    ObjectNode document = CtkFixtures.JSON.createObjectNode().put("title", "t").put("description", "d");
    document.putArray("method").add(fixtures.json("lib-activities-py/" + name + ".json"));

    check(name, expected, document, engine.validate(document).list());
  }

  private void check(String name, String expected, ObjectNode document, List<Problem> problems) {
    Mapped mapped = MAPPED.get(name);
    if (mapped != null && mapped.valid()) {
      assertThat(problems).isEmpty();
      assertThat(engine.parser().parse(document).warnings()).extracting(Problem::message)
          .anySatisfy(w -> assertThat(w).contains(mapped.text()));
    } else if (mapped != null) {
      assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains(mapped.text()));
    } else if (expected.equals("VALID")) {
      assertThat(problems).isEmpty();
    } else {
      assertThat(problems).extracting(Problem::message)
          .anySatisfy(m -> assertThat(m).contains(message(expected)));
    }
  }
}
