package io.chaosfn.functions.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with its own home directory, environment and captured streams. */
final class CliRun {
  final Path home;
  final Map<String, String> variables = new HashMap<>();
  String out;
  String err;

  CliRun(Path home) {
    this.home = home;
    variables.put("HOME", home.toString());
    variables.put("PATH", "/usr/local/bin:/usr/bin:/bin");
  }

  int execute(String... args) {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    int code;
    try (PrintStream outStream = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
      code = ChaosfnCommand.execute(args, new CliEnvironment(variables, outStream, errStream));
    }
    out = outBytes.toString(StandardCharsets.UTF_8);
    err = errBytes.toString(StandardCharsets.UTF_8);
    return code;
  }
}
