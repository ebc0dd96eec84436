package io.chaosfn.compat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chaos Toolkit's fixture corpus, read in place from {@code <chaosfn.shared.dir>/fixtures/chaostoolkit} (never
 * copied into the project). The rendering placeholders of its INDEX.md are substituted on reading:
 * {@code <fixtures-dir>} becomes a directory the test made (holding the {@code probes.py} the fixtures' {@code
 * os.path.exists} probes look for) and {@code <python-executable>} becomes this JVM's {@code java} binary, since
 * validation only checks that a process path exists and no run-outcome row runs it.
 */
final class CtkFixtures {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String MISSING = "the Chaos Toolkit fixtures are not checked out next to the project"
      + " (system property chaosfn.shared.dir)";

  private final Path root;
  private final Map<String, String> placeholders;

  private CtkFixtures(Path root, Map<String, String> placeholders) {
    this.root = root;
    this.placeholders = placeholders;
  }

  /** The corpus, or a skipped test (with the reason) when it is not there. */
  static CtkFixtures locate(Path fixturesDir) {
    Path root = root();
    assumeTrue(root != null && Files.isDirectory(root), MISSING);
    write(fixturesDir.resolve("probes.py"), "# the file the fixtures' os.path.exists probes look for\n");
    String java = ProcessHandle.current().info().command().orElse("java");
    return new CtkFixtures(root, Map.of("<fixtures-dir>", fixturesDir.toString(), "<python-executable>", java));
  }

  /** The corpus directory named by the system property, or null when the property is not set. */
  static Path root() {
    String shared = System.getProperty("chaosfn.shared.dir");
    return shared == null ? null : Path.of(shared, "fixtures", "chaostoolkit");
  }

  Path path(String relative) {
    return root.resolve(relative);
  }

  /** The file's text with the rendering placeholders substituted. */
  String text(String relative) {
    try {
      String text = Files.readString(root.resolve(relative));
      for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
        text = text.replace(placeholder.getKey(), placeholder.getValue());
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode json(String relative) {
    return JSON.readTree(text(relative));
  }

  ObjectNode experiment(String name) {
    return (ObjectNode) json("lib-experiments-py/" + name + ".json");
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
