package io.chaosfn.activity.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the program a {@code path} names, as Python's {@code shutil.which} after {@code os.path.expanduser}:
 * a leading {@code ~} is the environment's {@code HOME}; a name without a slash is looked up in its
 * {@code PATH}.
 */
final class Executables {
  /** What the look-up found: a path that runs, one that exists without execute permission, or nothing. */
  record Found(Path path, boolean executable) {}

  private Executables() {}

  static String expandHome(String path, Map<String, String> environment) {
    String home = environment.get("HOME");
    if (home == null || !(path.equals("~") || path.startsWith("~/"))) {
      return path;
    }
    return home + path.substring(1);
  }

  static Optional<Found> find(String rawPath, Map<String, String> environment) {
    String path = expandHome(rawPath, environment);
    if (path.contains("/")) {
      return check(Path.of(path));
    }
    Found notExecutable = null;
    for (String directory : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Optional<Found> found = check(Path.of(directory, path));
      if (found.isPresent() && found.get().executable()) {
        return found;
      }
      if (found.isPresent() && notExecutable == null) {
        notExecutable = found.get();
      }
    }
    return Optional.ofNullable(notExecutable);
  }

  private static Optional<Found> check(Path candidate) {
    if (!Files.isRegularFile(candidate)) {
      return Optional.empty();
    }
    return Optional.of(new Found(candidate.toAbsolutePath(), Files.isExecutable(candidate)));
  }
}
