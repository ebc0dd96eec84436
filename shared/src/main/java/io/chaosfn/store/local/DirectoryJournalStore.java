package io.chaosfn.store.local;

import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.JournalCodec;
import io.chaosfn.store.ExperimentHistory;
import io.chaosfn.store.ExperimentSummary;
import io.chaosfn.store.JournalLayout;
import io.chaosfn.store.JournalStore;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.Page;
import io.chaosfn.store.RunQuery;
import io.chaosfn.store.RunRecord;
import io.chaosfn.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLI's and sandbox's journal store: a directory a user can browse. {@code journals/<runId>.json} is the
 * Chaos Toolkit journal itself; {@code runs/<runId>.json} is the small index listings read (outcome, trigger,
 * times, reason, problems). Every file is written to a temporary name and moved into place, so a reader or a
 * second CLI writing at the same time never sees half a file; writers of different runs never touch the same
 * file. Files that are not ours or do not parse are skipped with a warning.
 *
 * <p>Two writers of the same run id at the same instant are last-writer-wins per file; run ids are unique per
 * run, so only a retried write of the same run can race with itself, and it writes the same content.
 */
public final class DirectoryJournalStore implements JournalStore {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryJournalStore.class);
  private static final String SUFFIX = ".json";
  private static final String CURSOR_AFTER = "after";

  private final Path root;
  private final Path runs;
  private final Path journals;
  private byte[] cursorKey;

  public DirectoryJournalStore(Path root) {
    this.root = root;
    this.runs = root.resolve("runs");
    this.journals = root.resolve("journals");
  }

  @Override
  public void put(RunRecord run) {
    String runId = JournalLayout.checkRunId(run.runId());
    Path index = runs.resolve(runId + SUFFIX);
    Path journal = journals.resolve(runId + SUFFIX);
    try {
      Files.createDirectories(runs);
      Files.createDirectories(journals);
      Optional<RunIndexCodec.Entry> existing = readIndex(index);
      if (run.outcome() == Outcome.IN_PROGRESS && existing.isPresent()
          && existing.get().run().outcome() != Outcome.IN_PROGRESS) {
        LOG.debug("run {} has finished; its late in-progress write is ignored", runId);
        return;
      }
      // The journal goes first, so an index never points at a journal that is not there yet.
      if (run.journal() != null) {
        writeAtomically(journal, JournalCodec.write(run.journal()));
      }
      writeAtomically(index, RunIndexCodec.write(run));
      if (run.journal() == null) {
        Files.deleteIfExists(journal);
      }
    } catch (IOException e) {
      throw unavailable("write run " + runId, e);
    }
  }

  @Override
  public Optional<RunRecord> get(String runId) {
    if (!JournalLayout.isRunId(runId)) {
      return Optional.empty();
    }
    Optional<RunIndexCodec.Entry> entry = readIndex(runs.resolve(runId + SUFFIX));
    if (entry.isEmpty() || !entry.get().hasJournal()) {
      return entry.map(RunIndexCodec.Entry::run);
    }
    return readJournal(journals.resolve(runId + SUFFIX)).map(journal -> withJournal(entry.get().run(), journal));
  }

  @Override
  public Page<RunRecord> runs(RunQuery query) {
    String after = query.cursor() == null ? null : afterRunId(query);
    List<RunRecord> matching = allRuns()
        .filter(query::matches)
        .filter(run -> after == null || run.runId().compareTo(after) < 0)
        .sorted(Comparator.comparing(RunRecord::runId).reversed())
        .limit(query.limit() + 1L)
        .toList();
    if (matching.size() <= query.limit()) {
      return new Page<>(matching, null);
    }
    List<RunRecord> page = matching.subList(0, query.limit());
    String last = page.get(page.size() - 1).runId();
    return new Page<>(page, JournalLayout.encodeCursor(cursorKey(), query, Map.of(CURSOR_AFTER, last)));
  }

  @Override
  public List<ExperimentSummary> experiments() {
    return histories().values().stream().map(ExperimentHistory::summary).toList();
  }

  @Override
  public Optional<ExperimentHistory> history(String experimentId) {
    List<RunRecord> ofExperiment = allRuns().filter(run -> run.experimentId().equals(experimentId)).toList();
    return ofExperiment.isEmpty()
        ? Optional.empty()
        : Optional.of(ExperimentHistory.of(experimentId, ofExperiment));
  }

  private Map<String, ExperimentHistory> histories() {
    Map<String, List<RunRecord>> byExperiment =
        allRuns().collect(Collectors.groupingBy(RunRecord::experimentId, TreeMap::new, Collectors.toList()));
    Map<String, ExperimentHistory> histories = new TreeMap<>();
    byExperiment.forEach((id, runsOf) -> histories.put(id, ExperimentHistory.of(id, runsOf)));
    return histories;
  }

  private String afterRunId(RunQuery query) {
    String after = JournalLayout.decodeCursor(cursorKey(), query).get(CURSOR_AFTER);
    if (after == null) {
      throw new IllegalArgumentException("cursor was not made by this journal directory");
    }
    return after;
  }

  private Stream<RunRecord> allRuns() {
    if (!Files.isDirectory(runs)) {
      return Stream.empty();
    }
    List<RunRecord> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(runs)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.startsWith(".")) {
          continue; // another writer's temporary file
        }
        if (!name.endsWith(SUFFIX) || !JournalLayout.isRunId(name.substring(0, name.length() - SUFFIX.length()))) {
          LOG.warn("skipping {}: not a chaosfn run index", file);
          continue;
        }
        readIndex(file).map(RunIndexCodec.Entry::run).ifPresent(all::add);
      }
    } catch (IOException e) {
      throw unavailable("list " + runs, e);
    }
    return all.stream();
  }

  private Optional<RunIndexCodec.Entry> readIndex(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw unavailable("read " + file, e);
    }
    try {
      RunIndexCodec.Entry entry = RunIndexCodec.read(bytes);
      String name = file.getFileName().toString();
      String expected = name.substring(0, name.length() - SUFFIX.length());
      if (!entry.run().runId().equals(expected)) {
        LOG.warn("skipping {}: it holds run {}", file, entry.run().runId());
        return Optional.empty();
      }
      return Optional.of(entry);
    } catch (RuntimeException e) {
      LOG.warn("skipping {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<Journal> readJournal(Path file) {
    try {
      return Optional.of(JournalCodec.read(Files.readAllBytes(file)));
    } catch (NoSuchFileException e) {
      LOG.warn("skipping run of {}: its journal file is missing", file);
      return Optional.empty();
    } catch (IOException e) {
      throw unavailable("read " + file, e);
    } catch (RuntimeException e) {
      LOG.warn("skipping {}: not a readable journal: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  private static RunRecord withJournal(RunRecord run, Journal journal) {
    return new RunRecord(run.runId(), run.experimentId(), run.outcome(), run.deviated(), run.title(), run.trigger(),
        run.startedAt(), run.endedAt(), journal, run.reason(), run.problems(), run.experimentVersion());
  }

  /**
   * The key that signs this directory's cursors, made once by whichever process needs it first. A hard link
   * publishes it only when complete and fails when another process won the race, whose key is then read.
   */
  private synchronized byte[] cursorKey() {
    if (cursorKey != null) {
      return cursorKey;
    }
    Path keyFile = root.resolve(".cursor-key");
    try {
      Files.createDirectories(root);
      if (!Files.exists(keyFile)) {
        Path temp = tempFile(keyFile);
        try {
          Files.write(temp, JournalLayout.newCursorKey());
          Files.createLink(keyFile, temp);
        } catch (FileAlreadyExistsException e) {
          LOG.debug("another process created {} first", keyFile);
        } finally {
          Files.deleteIfExists(temp);
        }
      }
      cursorKey = Files.readAllBytes(keyFile);
      return cursorKey;
    } catch (IOException e) {
      throw unavailable("read or create the cursor key " + keyFile, e);
    }
  }

  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path temp = tempFile(target);
    try {
      Files.write(temp, bytes);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Path tempFile(Path target) {
    return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
  }

  private StoreUnavailableException unavailable(String what, IOException e) {
    return new StoreUnavailableException("journal directory " + root + ": cannot " + what + ": " + e.getMessage(), e);
  }
}
