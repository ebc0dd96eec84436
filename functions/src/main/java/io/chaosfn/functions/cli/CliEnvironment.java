package io.chaosfn.functions.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What the CLI reads from its process: the environment and the two output streams. */
public record CliEnvironment(Map<String, String> variables, PrintStream out, PrintStream err) {
  public CliEnvironment {
    variables = Map.copyOf(variables);
  }

  public String get(String name) {
    return variables.get(name);
  }

  public Path home() {
    String home = variables.get("HOME");
    return Path.of(home == null ? System.getProperty("user.home") : home);
  }
}
