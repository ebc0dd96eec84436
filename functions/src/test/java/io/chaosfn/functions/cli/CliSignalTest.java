package io.chaosfn.functions.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals against a real CLI process (decisions.md §1): the first SIGINT or SIGTERM stops the run with status
 * {@code interrupted}, still plays the rollbacks and still writes the journal; exit code 1. Real time, wide bounds.
 */
class CliSignalTest {
  private static final String LONG_PAUSE = """
      {"title": "waits", "description": "d",
       "method": [{"type": "action", "name": "start", "provider": {"type": "process", "path": "true"},
                   "pauses": {"after": 60}}],
       "rollbacks": [{"type": "action", "name": "restore", "provider": {"type": "process", "path": "touch",
                      "arguments": ["%s"]}}]}
      """;

  @TempDir
  Path dir;

  @Test
  void sigint_interruptsPlaysRollbacksAndWritesTheJournal() throws Exception {
    assumeFalse(ignoredHere(2), "SIGINT is ignored by this JVM (a shell without job control started the build in"
        + " the background), so the CLI started from it inherits that and, as Unix programs do, keeps ignoring it");
    assertStopped("INT");
  }

  @Test
  void sigterm_interruptsPlaysRollbacksAndWritesTheJournal() throws Exception {
    assertStopped("TERM");
  }

  private void assertStopped(String signal) throws IOException, InterruptedException {
    Path restored = dir.resolve("restored");
    Path experiment = dir.resolve("waits.json");
    Files.writeString(experiment, LONG_PAUSE.formatted(restored));
    Path journal = dir.resolve("journal.json");
    Path err = dir.resolve("stderr.txt");
    Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ChaosfnCommand.class.getName(),
        "run", experiment.toString(), "--journal-path", journal.toString(), "--store", "dir:" + dir.resolve("store"))
        .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      awaitLine(err, "action 'start' succeeded");

      new ProcessBuilder("kill", "-" + signal, Long.toString(cli.pid())).start().waitFor();

      assertThat(cli.waitFor(30, TimeUnit.SECONDS)).as("the CLI stopped").isTrue();
      assertThat(cli.exitValue()).isEqualTo(1);
      assertThat(restored).exists();
      assertThat(Files.readString(journal)).contains("\"status\": \"interrupted\"", "\"signal\": \"SIG" + signal + "\"");
    } finally {
      cli.destroyForcibly();
    }
  }

  /** Whether this process ignores the signal, per the {@code SigIgn} mask of {@code /proc} (false where absent). */
  private static boolean ignoredHere(int signal) throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
        .map(line -> Long.parseLong(line.substring("SigIgn:".length()).trim(), 16))
        .anyMatch(mask -> (mask & (1L << (signal - 1))) != 0);
  }

  private static void awaitLine(Path file, String text) throws IOException, InterruptedException {
    for (int i = 0; i < 600; i++) {
      if (Files.exists(file) && Files.readString(file).contains(text)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the CLI never printed '" + text + "': " + (Files.exists(file)
        ? String.join("\n", List.of(Files.readString(file))) : "no output"));
  }
}
