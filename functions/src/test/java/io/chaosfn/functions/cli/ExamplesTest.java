package io.chaosfn.functions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example experiment the project ships validates as it is, so the documentation never drifts. */
class ExamplesTest {
  @TempDir
  Path home;

  static Stream<Path> examples() throws IOException {
    Path directory = Path.of(System.getProperty("chaosfn.root", "..")).resolve("infrastructure/examples");
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().matches(".*\\.(json|ya?ml)$")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void example_validates(Path example) {
    CliRun cli = new CliRun(home);

    int code = cli.execute("validate", example.toString());

    assertThat(code).as(cli.out + cli.err).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void jsonAndYamlTwins_describeTheSameExperiment(Path example) throws IOException {
    Path twin = Path.of(example.toString().replaceFirst("\\.json$", ".yaml"));
    if (!example.toString().endsWith(".json") || !Files.exists(twin)) {
      return;
    }
    var json = new tools.jackson.databind.json.JsonMapper().readTree(Files.readString(example));
    var yaml = io.chaosfn.experiment.document.DocumentReader.read(Files.readAllBytes(twin),
        io.chaosfn.experiment.document.DocumentFormat.YAML, twin.toString());

    assertThat(yaml).isEqualTo(json);
  }
}
