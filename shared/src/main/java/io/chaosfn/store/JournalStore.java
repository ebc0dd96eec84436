package io.chaosfn.store;

import java.util.List;
import java.util.Optional;

/**
 * Where runs and their journals are kept: a directory for the CLI and sandbox, DynamoDB in AWS. Every
 * implementation passes the same contract test suite.
 *
 * <p>Writes are idempotent by run id: putting a run again replaces it (an in-progress item becomes the finished
 * run), so a retried delivery never makes a second run; a late in-progress write never replaces a run that has
 * finished. Safe for concurrent callers; a reader sees either the old or the new version of a run, never a
 * partial one.
 *
 * <p>"Newest first" is descending run id order: run ids are time-ordered (ULIDs), so it is start order without
 * a second sort key. Run ids are letters, digits, {@code . _ -} ({@link JournalLayout#checkRunId}).
 *
 * @throws StoreUnavailableException from any method when the backing store cannot be reached
 */
public interface JournalStore {
  /** Stores or replaces the run with this record's run id. */
  void put(RunRecord run);

  /** The run with its journal. */
  Optional<RunRecord> get(String runId);

  /**
   * Runs matching the query, newest first, without their journals.
   *
   * @throws IllegalArgumentException when the query's cursor was not made by this store for these filters
   */
  Page<RunRecord> runs(RunQuery query);

  /** Every experiment that has runs, by id, with its latest run. */
  List<ExperimentSummary> experiments();

  /** What the experiment's runs add up to, or empty when it has none. */
  Optional<ExperimentHistory> history(String experimentId);
}
