package io.chaosfn.flow;

import io.chaosfn.engine.RunContext;
import io.chaosfn.engine.StopSignal;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.ExperimentParser;
import io.chaosfn.experiment.InvalidExperimentException;
import io.chaosfn.experiment.Problems;
import io.chaosfn.notify.EventPublisher;
import io.chaosfn.store.ExperimentSource;
import io.chaosfn.store.JournalStore;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.RunLock;
import io.chaosfn.store.RunRecord;
import io.chaosfn.store.SourcedExperiment;
import io.chaosfn.store.TargetLockedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RunExperiment's flow (architecture.md flow 1): load (recording the S3 version) → validate → take the target
 * locks → write the in-progress run → run with the time guard → store the journal → publish
 * {@code chaosfn.run.finished} → release.
 *
 * <p>A delivery whose run id is already stored (finished or in progress) is not run again: the stored run is
 * returned. An invalid experiment is stored as an {@code invalid} run with its problems, a locked target as a
 * {@code skipped} run naming the holder; nothing executes for either. The locks' lease is the invocation's
 * remaining time: a function killed at its timeout frees them by itself, and the sweeper finishes its run.
 */
public final class RunService {
  private static final Logger LOG = LoggerFactory.getLogger(RunService.class);

  private final ExperimentSource experiments;
  private final ExperimentParser parser;
  private final JournalStore journals;
  private final RunLock locks;
  private final RunEngine engine;
  private final RunCompletion completion;
  private final String cluster;

  /** @param cluster the deployment's EKS cluster name for lock targets, or null */
  public RunService(ExperimentSource experiments, ExperimentParser parser, JournalStore journals, RunLock locks,
      EventPublisher events, RunEngine engine, String cluster) {
    this.experiments = experiments;
    this.parser = parser;
    this.journals = journals;
    this.locks = locks;
    this.engine = engine;
    this.completion = new RunCompletion(journals, events, engine.clock());
    this.cluster = cluster;
  }

  /**
   * Handles one delivery.
   *
   * @param deadline when the invocation ends (Lambda: now plus the remaining time)
   * @throws io.chaosfn.store.ExperimentNotFoundException when the experiment does not exist
   * @throws io.chaosfn.store.StoreUnavailableException when the source, the table or the locks cannot be used
   */
  public RunResult run(RunRequest request, Instant deadline) {
    Clock clock = engine.clock();
    Instant now = clock.instant();
    String runId = request.runId(now);
    Optional<RunRecord> existing = journals.get(runId);
    if (existing.isPresent()) {
      LOG.info("run {} was delivered before ({}); not run again", runId, existing.get().outcome().wireName());
      return RunResult.of(existing.get(), true);
    }
    SourcedExperiment sourced = experiments.load(request.experiment());
    String experimentId = sourced.experimentId();
    Problems problems = ExperimentValidation.problems(parser, sourced.tree(), engine.environment());
    Experiment experiment = problems.isEmpty() ? parser.parse(sourced.tree()) : null;
    if (experiment != null) {
      TimeBudget.check(experiment, Duration.between(now, deadline), engine.rollbackReserve(), problems);
    }
    if (!problems.isEmpty()) {
      LOG.info("run {}: experiment {} is invalid ({} problems); nothing runs", runId, experimentId, problems.count());
      return RunResult.of(completion.finish(notExecuted(runId, experimentId, request, sourced, now, Outcome.INVALID,
          null, problems)), false);
    }
    List<RunLock.Lease> leases = new ArrayList<>();
    try {
      for (String target : LockTargets.of(experiment, cluster, experimentId)) {
        leases.add(locks.acquire(target, runId, now, deadline));
      }
    } catch (TargetLockedException e) {
      release(leases);
      if (e.holder().owner().equals(runId)) {
        LOG.info("run {} is already running in another invocation; not run again", runId);
        return new RunResult(runId, experimentId, Outcome.IN_PROGRESS, false, e.getMessage(), true);
      }
      LOG.info("run {} skipped: {}", runId, e.getMessage());
      return RunResult.of(completion.finish(notExecuted(runId, experimentId, request, sourced, now, Outcome.SKIPPED,
          e.getMessage(), new Problems())), false);
    }
    try {
      InProgressRun running = new InProgressRun(runId, experimentId, experiment.title(), request.trigger(), now,
          sourced.ref(), leases, deadline);
      journals.put(running.toRecord(engine.host()));
      return RunResult.of(completion.finish(execute(running, experiment, deadline)), false);
    } finally {
      release(leases);
    }
  }

  private RunRecord execute(InProgressRun running, Experiment experiment, Instant deadline) {
    RunContext.RunIdentity identity = new RunContext.RunIdentity(running.runId(), running.trigger(),
        running.source());
    try {
      Journal journal = engine.execute(experiment, identity, deadline, new StopSignal());
      return RunRecord.of(running.runId(), running.experimentId(), journal, running.source().versionId());
    } catch (InvalidExperimentException e) {
      return new RunRecord(running.runId(), running.experimentId(), Outcome.INVALID, false, running.title(),
          running.trigger(), running.startedAt(), engine.clock().instant(), null, null, e.problems(),
          running.source().versionId());
    }
  }

  private static RunRecord notExecuted(String runId, String experimentId, RunRequest request,
      SourcedExperiment sourced, Instant now, Outcome outcome, String reason, Problems problems) {
    return new RunRecord(runId, experimentId, outcome, false, sourced.tree().path("title").asString(null),
        request.trigger(), now, now, null, reason, problems.list(), sourced.ref().versionId());
  }

  private void release(List<RunLock.Lease> leases) {
    for (RunLock.Lease lease : leases) {
      try {
        locks.release(lease);
      } catch (RuntimeException e) {
        // The lease ends by itself at the deadline; a failed release only delays the next run of the target.
        LOG.warn("lock {} of run {} not released: {}", lease.target(), lease.owner(), e.getMessage());
      }
    }
  }
}
