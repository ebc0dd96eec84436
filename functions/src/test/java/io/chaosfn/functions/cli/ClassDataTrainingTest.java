package io.chaosfn.functions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run `mvn package` records for the class-data archive (functions/src/cds/training.yaml) must keep
 * going through the paths it is there for: a run that completes, with its hypothesis, its failing http probe to a
 * closed loopback port and its rollback, and that leaves nothing behind.
 */
class ClassDataTrainingTest {
  private static final Path TRAINING =
      Path.of(System.getProperty("chaosfn.root", "..")).resolve("functions/src/cds/training.yaml");

  @TempDir
  Path home;

  @Test
  void trainingRun_completesThroughEveryPathAndRollsBack() {
    CliRun cli = new CliRun(home);
    Path marker = home.resolve("marker");
    cli.variables.put("CHAOSFN_TRAINING_MARKER", marker.toString());

    int code = cli.execute("run", "--journal-path", home.resolve("journal.json").toString(),
        "--store", "dir:" + home.resolve("store"), TRAINING.toString());

    assertThat(code).as(cli.err).isZero();
    assertThat(cli.err)
        .contains("[hypothesis before] met", "probe 'http-to-a-closed-port' failed", "[hypothesis after] met",
            "action 'remove-marker' succeeded");
    assertThat(marker).doesNotExist();
  }
}
