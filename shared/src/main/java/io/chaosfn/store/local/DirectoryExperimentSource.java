package io.chaosfn.store.local;

import io.chaosfn.engine.journal.ExperimentSourceRef;
import io.chaosfn.experiment.document.DocumentFormat;
import io.chaosfn.experiment.document.DocumentReader;
import io.chaosfn.store.ExperimentNotFoundException;
import io.chaosfn.store.ExperimentSource;
import io.chaosfn.store.SourcedExperiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Experiments in a directory, for the CLI and the sandbox: a name is a file path (absolute, or relative to the
 * directory), or an experiment id looked up as {@code <id>.yaml}, {@code .yml}, then {@code .json}. Files have
 * no versions: {@link #load(ExperimentSourceRef)} reads the current file, and refs carry neither version nor ETag.
 */
public final class DirectoryExperimentSource implements ExperimentSource {
  private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");

  private final Path directory;

  public DirectoryExperimentSource(Path directory) {
    this.directory = directory;
  }

  @Override
  public SourcedExperiment load(String idOrUri) {
    Optional<Path> file = file(idOrUri);
    for (int i = 0; file.isEmpty() && i < EXTENSIONS.size(); i++) {
      file = file(idOrUri + EXTENSIONS.get(i));
    }
    return read(file.orElseThrow(() -> new ExperimentNotFoundException(idOrUri, directory.toString())));
  }

  @Override
  public SourcedExperiment load(ExperimentSourceRef ref) {
    return load(ref.uri());
  }

  private Optional<Path> file(String name) {
    try {
      Path path = directory.resolve(name);
      return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static SourcedExperiment read(Path path) {
    String origin = path.toString();
    String name = path.getFileName().toString();
    DocumentFormat format = DocumentFormat.fromFileName(name)
        .orElseThrow(() -> DocumentReader.failure(origin, "expected a .json, .yaml or .yml file"));
    try {
      byte[] bytes = DocumentReader.readFile(path, DocumentReader.MAX_DOCUMENT_BYTES);
      return new SourcedExperiment(DocumentReader.read(bytes, format, origin),
          new ExperimentSourceRef(origin, null, null), SourcedExperiment.idFromName(name));
    } catch (IOException e) {
      throw DocumentReader.failure(origin, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }
}
