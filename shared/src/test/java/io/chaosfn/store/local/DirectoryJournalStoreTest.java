package io.chaosfn.store.local;

import static io.chaosfn.store.RunFixtures.finished;
import static io.chaosfn.store.RunFixtures.runId;
import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.engine.journal.JournalCodec;
import io.chaosfn.store.JournalStore;
import io.chaosfn.store.JournalStoreContract;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.RunQuery;
import io.chaosfn.store.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryJournalStoreTest extends JournalStoreContract {
  @TempDir
  Path root;

  @Override
  protected JournalStore newStore() {
    return new DirectoryJournalStore(root);
  }

  @Test
  void put_finishedRun_writesTheChaosToolkitJournalAsItsOwnFile() throws IOException {
    RunRecord run = finished("db-failover", 1, Outcome.COMPLETED);

    store.put(run);

    assertThat(Files.readAllBytes(root.resolve("journals").resolve(runId(1) + ".json")))
        .isEqualTo(JournalCodec.write(run.journal()));
  }

  @Test
  void put_manyRuns_leavesNoTemporaryFiles() throws IOException {
    IntStream.rangeClosed(1, 5).forEach(n -> store.put(finished("db-failover", n, Outcome.COMPLETED)));

    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
    }
  }

  @Test
  void runs_corruptedAndForeignFiles_areSkipped() throws IOException {
    store.put(finished("db-failover", 1, Outcome.COMPLETED));
    Path runs = root.resolve("runs");
    Files.writeString(runs.resolve(runId(2) + ".json"), "{\"run_id\": ", StandardCharsets.UTF_8);
    Files.writeString(runs.resolve("notes.txt"), "my notes", StandardCharsets.UTF_8);
    Files.writeString(runs.resolve(runId(3) + ".json"), "[1, 2]", StandardCharsets.UTF_8);
    Files.writeString(runs.resolve(runId(4) + ".json"),
        new String(Files.readAllBytes(runs.resolve(runId(1) + ".json")), StandardCharsets.UTF_8));

    assertThat(store.runs(RunQuery.ofExperiment("db-failover", 10)).items())
        .extracting(RunRecord::runId).containsExactly(runId(1));
    assertThat(store.experiments()).hasSize(1);
  }

  @Test
  void get_corruptedJournalFile_isEmpty() throws IOException {
    store.put(finished("db-failover", 1, Outcome.COMPLETED));
    Files.writeString(root.resolve("journals").resolve(runId(1) + ".json"), "not json", StandardCharsets.UTF_8);

    assertThat(store.get(runId(1))).isEmpty();
  }

  @Test
  void get_runIdThatCannotBeAFileName_isEmpty() {
    assertThat(store.get("../../etc/passwd")).isEmpty();
  }

  @Test
  void runs_cursorFromAnotherStoreOnTheSameDirectory_isAccepted() {
    IntStream.rangeClosed(1, 3).forEach(n -> store.put(finished("db-failover", n, Outcome.COMPLETED)));
    String cursor = store.runs(RunQuery.ofExperiment("db-failover", 2)).nextCursor();

    JournalStore secondProcess = new DirectoryJournalStore(root);

    assertThat(secondProcess.runs(RunQuery.ofExperiment("db-failover", 2).withCursor(cursor)).items())
        .extracting(RunRecord::runId).containsExactly(runId(1));
  }

  @Test
  void runs_emptyDirectory_isAnEmptyPage() {
    assertThat(store.runs(RunQuery.ofExperiment("db-failover", 10)).items()).isEmpty();
    assertThat(store.experiments()).isEmpty();
  }
}
