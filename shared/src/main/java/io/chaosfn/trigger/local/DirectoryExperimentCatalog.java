package io.chaosfn.trigger.local;

import io.chaosfn.ChaosfnException;
import io.chaosfn.experiment.ChaosfnExtension;
import io.chaosfn.experiment.Problem;
import io.chaosfn.experiment.Problems;
import io.chaosfn.experiment.document.DocumentFormat;
import io.chaosfn.experiment.document.DocumentReader;
import io.chaosfn.store.StoreUnavailableException;
import io.chaosfn.trigger.ExperimentCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The experiments under a directory (the sandbox, the CLI, tests): every {@code .json}, {@code .yaml} and
 * {@code .yml} file, read on each call, so an edited file counts at once. The experiment id is the extension's
 * {@code id}, else the file's path under the directory without its extension ({@code payments/db.yaml} is
 * {@code payments/db}), as an S3 key gives it. Unreadable files, invalid extensions and a second file claiming an
 * id already taken are left out with a warning.
 */
public final class DirectoryExperimentCatalog implements ExperimentCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryExperimentCatalog.class);
  private static final int MAX_DEPTH = 8;

  private final Path directory;

  public DirectoryExperimentCatalog(Path directory) {
    this.directory = directory;
  }

  @Override
  public List<Entry> experiments() {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory, MAX_DEPTH)) {
      files = walk.filter(Files::isRegularFile)
          .filter(file -> DocumentFormat.fromFileName(file.getFileName().toString()).isPresent())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new StoreUnavailableException("cannot list experiments in " + directory + ": " + e.getMessage(), e);
    }
    Map<String, Entry> byId = new LinkedHashMap<>();
    for (Path file : files) {
      read(file).ifPresent(entry -> {
        Entry taken = byId.putIfAbsent(entry.experimentId(), entry);
        if (taken != null) {
          LOG.warn("{} is left out: experiment id {} is already {}", file, entry.experimentId(), taken.source());
        }
      });
    }
    return List.copyOf(byId.values());
  }

  private Optional<Entry> read(Path file) {
    String relative = directory.relativize(file).toString().replace('\\', '/');
    ObjectNode document;
    try {
      document = DocumentReader.read(Files.readAllBytes(file),
          DocumentFormat.fromFileName(file.getFileName().toString()).orElseThrow(), relative);
    } catch (IOException | ChaosfnException e) {
      LOG.warn("{} is left out: {}", file, e.getMessage());
      return Optional.empty();
    }
    Problems problems = new Problems();
    ChaosfnExtension extension = ChaosfnExtension.fromDocument(document, problems);
    if (!problems.isEmpty()) {
      LOG.warn("{} is left out: {}", file,
          problems.list().stream().map(Problem::toString).collect(Collectors.joining("; ")));
      return Optional.empty();
    }
    String id = extension.id() != null ? extension.id() : relative.substring(0, relative.lastIndexOf('.'));
    return Optional.of(new Entry(id, file.toUri().toString(), extension));
  }
}
