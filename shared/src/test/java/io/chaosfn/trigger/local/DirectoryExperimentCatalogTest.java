package io.chaosfn.trigger.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.trigger.ExperimentCatalog.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryExperimentCatalogTest {
  private static final String TRIGGERED = """
      title: db failover
      description: kill the leader
      method: []
      extensions:
        - name: other
        - name: chaosfn
          id: frontend-db-failover
          triggers:
            deploy: {match: {namespace: default, workload: frontend-app}, wait_for_rollout_seconds: 30}
      """;

  @TempDir
  Path directory;

  @Test
  void experiments_declaredId_isTheExtensionsId() throws IOException {
    write("db.yaml", TRIGGERED);

    List<Entry> entries = new DirectoryExperimentCatalog(directory).experiments();

    assertThat(entries).singleElement().satisfies(entry -> {
      assertThat(entry.experimentId()).isEqualTo("frontend-db-failover");
      assertThat(entry.source()).isEqualTo(directory.resolve("db.yaml").toUri().toString());
      assertThat(entry.extension().deploy().match()).containsEntry("workload", "frontend-app");
    });
  }

  @Test
  void experiments_withoutId_isThePathWithoutExtension() throws IOException {
    write("payments/latency.json", "{\"title\": \"t\", \"description\": \"d\", \"method\": []}");

    List<Entry> entries = new DirectoryExperimentCatalog(directory).experiments();

    assertThat(entries).extracting(Entry::experimentId).containsExactly("payments/latency");
  }

  @Test
  void experiments_invalidExtension_isLeftOutAndTheOthersKept() throws IOException {
    write("a-broken.yaml", TRIGGERED.replace("wait_for_rollout_seconds: 30", "wait_for_rollout_seconds: soon"));
    write("b-good.yaml", TRIGGERED);

    List<Entry> entries = new DirectoryExperimentCatalog(directory).experiments();

    assertThat(entries).extracting(Entry::source)
        .containsExactly(directory.resolve("b-good.yaml").toUri().toString());
  }

  @Test
  void experiments_unparseableFileAndOtherFiles_areLeftOut() throws IOException {
    write("broken.json", "{\"title\": ");
    write("notes.txt", "not an experiment");
    write("ok.yml", TRIGGERED);

    List<Entry> entries = new DirectoryExperimentCatalog(directory).experiments();

    assertThat(entries).extracting(Entry::experimentId).containsExactly("frontend-db-failover");
  }

  @Test
  void experiments_secondFileWithTheSameId_isLeftOut() throws IOException {
    write("a.yaml", TRIGGERED);
    write("b.yaml", TRIGGERED);

    List<Entry> entries = new DirectoryExperimentCatalog(directory).experiments();

    assertThat(entries).extracting(Entry::source).containsExactly(directory.resolve("a.yaml").toUri().toString());
  }

  private void write(String name, String content) throws IOException {
    Path file = directory.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
