package io.chaosfn.experiment.document;

import io.chaosfn.experiment.InvalidExperimentException;
import io.chaosfn.experiment.JsonKind;
import io.chaosfn.experiment.Problem;
import io.chaosfn.experiment.ValueType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values given on the command line (§3.9): configuration overrides, secret-scope overrides (scope → object) and
 * additions to the environment that {@code env} declarations read. They are applied by passing {@link
 * #configuration()} and {@link #secrets()} as the overrides of {@code Configuration.resolve} and {@code
 * Secrets.resolve} (only declared keys and scopes count there) and {@link #environmentOver} as their
 * environment. Vars never enter the real process environment.
 */
public record Vars(ObjectNode configuration, ObjectNode secrets, Map<String, String> environment) {
  private static final String VAR_TYPES = "variable type can only be: bool, str, int, float, bytes or json";

  public Vars {
    configuration = configuration.deepCopy();
    secrets = secrets.deepCopy();
    environment = Map.copyOf(environment);
  }

  public static Vars none() {
    return new Vars(JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode(), Map.of());
  }

  @Override
  public ObjectNode configuration() {
    return configuration.deepCopy();
  }

  @Override
  public ObjectNode secrets() {
    return secrets.deepCopy();
  }

  /** Names only: var files may carry secrets, and a record prints its values. */
  @Override
  public String toString() {
    return "Vars[configuration=" + configuration.propertyNames() + ", secrets=" + secrets.propertyNames()
        + ", environment=" + environment.keySet() + "]";
  }

  /** {@code base} (the environment the run may read) with this var files' {@code .env} entries on top. */
  public Map<String, String> environmentOver(Map<String, String> base) {
    Map<String, String> merged = new LinkedHashMap<>(base);
    merged.putAll(environment);
    return merged;
  }

  /**
   * Reads the var files in order (later ones override earlier ones: configuration key by key, secrets scope by
   * scope, environment entry by entry), then applies the {@code --var} options, which override configuration.
   *
   * @param varOptions {@code KEY=VALUE} or {@code KEY:TYPE=VALUE}
   * @param varFiles {@code .json}/{@code .yaml}/{@code .yml} with {@code configuration} and {@code secrets}
   *     objects; any other name is a {@code .env} file of {@code KEY=VALUE} lines
   * @throws IllegalArgumentException for a malformed {@code --var} (a usage error, exit 2)
   * @throws InvalidExperimentException for a var file that cannot be read or is invalid, with every problem
   *     (CTK difference: Chaos Toolkit logs and skips such a file)
   */
  public static Vars parse(List<String> varOptions, List<Path> varFiles) {
    ObjectNode configuration = JsonNodeFactory.instance.objectNode();
    ObjectNode secrets = JsonNodeFactory.instance.objectNode();
    Map<String, String> environment = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Path file : varFiles) {
      Optional<DocumentFormat> format = DocumentFormat.fromFileName(file.getFileName().toString());
      try {
        byte[] bytes = read(file);
        if (format.isPresent()) {
          readStructured(DocumentReader.read(bytes, format.get(), file.toString()), file, configuration, secrets, problems);
        } else {
          environment.putAll(DotEnv.parse(bytes, file.toString()));
        }
      } catch (InvalidExperimentException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidExperimentException(problems);
    }
    for (String option : varOptions) {
      parseOption(option, configuration);
    }
    return new Vars(configuration, secrets, environment);
  }

  private static byte[] read(Path file) {
    try {
      return DocumentReader.readFile(file, DocumentReader.MAX_DOCUMENT_BYTES);
    } catch (IOException e) {
      throw DocumentReader.failure(file.toString(), "cannot read the var file (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static void readStructured(
      ObjectNode document, Path file, ObjectNode configuration, ObjectNode secrets, List<Problem> problems) {
    JsonNode config = document.path("configuration");
    if (config.isObject()) {
      configuration.setAll((ObjectNode) config);
    } else if (!config.isMissingNode()) {
      problems.add(new Problem("", file + ": configuration must be an object, found " + JsonKind.of(config)));
    }
    JsonNode scopes = document.path("secrets");
    if (scopes.isObject()) {
      scopes.properties().forEach(scope -> {
        if (scope.getValue().isObject()) {
          secrets.set(scope.getKey(), scope.getValue());
        } else {
          problems.add(new Problem("", file + ": secrets." + scope.getKey() + " must be an object, found "
              + JsonKind.of(scope.getValue())));
        }
      });
    } else if (!scopes.isMissingNode()) {
      problems.add(new Problem("", file + ": secrets must be an object of scopes, found " + JsonKind.of(scopes)));
    }
  }

  private static void parseOption(String option, ObjectNode configuration) {
    int equals = option.indexOf('=');
    if (equals < 0) {
      throw new IllegalArgumentException(
          "invalid --var '" + option + "': expected KEY=VALUE or KEY:TYPE=VALUE");
    }
    String left = option.substring(0, equals);
    String value = option.substring(equals + 1);
    int colon = left.lastIndexOf(':');
    String key = colon < 0 ? left : left.substring(0, colon);
    if (key.isEmpty()) {
      throw new IllegalArgumentException("invalid --var '" + left + "=...': the key is empty");
    }
    ValueType type =
        colon < 0
            ? ValueType.STR
            : ValueType.named(left.substring(colon + 1))
                .orElseThrow(() -> new IllegalArgumentException("invalid --var '" + left + "=...': " + VAR_TYPES));
    try {
      configuration.set(key, type.convert(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid --var '" + left + "=...': " + e.getMessage(), e);
    }
  }
}
