package io.chaosfn.functions.cli;

import io.chaosfn.engine.RunContext;

/** The journal's {@code platform} and {@code node} for a local run, without a DNS lookup on the start path. */
final class Host {
  private Host() {}

  static RunContext.Host current(CliEnvironment environment) {
    String platform = System.getProperty("os.name") + "-" + System.getProperty("os.version") + "-"
        + System.getProperty("os.arch") + "-with-java" + System.getProperty("java.version");
    String node = environment.get("HOSTNAME");
    if (node == null || node.isBlank()) {
      node = readHostname();
    }
    return new RunContext.Host(platform, node);
  }

  private static String readHostname() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).strip();
    } catch (java.io.IOException | RuntimeException e) {
      return "localhost";
    }
  }
}
