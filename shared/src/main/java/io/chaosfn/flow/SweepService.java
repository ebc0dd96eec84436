package io.chaosfn.flow;

import io.chaosfn.ChaosfnException;
import io.chaosfn.engine.RunContext;
import io.chaosfn.engine.Stop;
import io.chaosfn.engine.StopSignal;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.ExperimentParser;
import io.chaosfn.notify.EventPublisher;
import io.chaosfn.store.ExperimentSource;
import io.chaosfn.store.JournalStore;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.Page;
import io.chaosfn.store.RunLock;
import io.chaosfn.store.RunQuery;
import io.chaosfn.store.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sweeper's flow (architecture.md flow 5): runs still in progress after their lease ended belong to a function
 * that was killed (a hard timeout skips {@code finally} blocks). Each becomes {@code interrupted} with
 * {@code chaosfn.stop = {cause: runtime-lost}}; its rollbacks are attempted, unless the strategy is {@code never},
 * from the experiment version recorded at start; its locks are released; the run is published as finished.
 *
 * <p>In-progress runs are found through the outcome index (a Query, never a Scan). A run whose stored record
 * cannot be read back as a lease (written by another version) is left alone and logged.
 */
public final class SweepService {
  private static final Logger LOG = LoggerFactory.getLogger(SweepService.class);
  private static final int PAGE_SIZE = 50;

  private final ExperimentSource experiments;
  private final ExperimentParser parser;
  private final JournalStore journals;
  private final RunLock locks;
  private final RunEngine engine;
  private final RunCompletion completion;

  public SweepService(ExperimentSource experiments, ExperimentParser parser, JournalStore journals, RunLock locks,
      EventPublisher events, RunEngine engine) {
    this.experiments = experiments;
    this.parser = parser;
    this.journals = journals;
    this.locks = locks;
    this.engine = engine;
    this.completion = new RunCompletion(journals, events, engine.clock());
  }

  /**
   * Finishes every abandoned run it has time for; the rest wait for the next sweep.
   *
   * @param deadline when this invocation ends; a run is only taken on while more than the rollback reserve is left
   * @return the ids of the runs marked interrupted
   */
  public List<String> sweep(Instant deadline) {
    List<String> swept = new ArrayList<>();
    for (RunRecord summary : inProgress()) {
      Instant now = engine.clock().instant();
      if (Duration.between(now, deadline).compareTo(engine.rollbackReserve()) <= 0) {
        LOG.info("sweep stopped for lack of time; {} runs swept", swept.size());
        break;
      }
      Optional<InProgressRun> running = journals.get(summary.runId()).flatMap(InProgressRun::from);
      if (running.isEmpty()) {
        LOG.warn("run {} is in progress without a readable lease; left alone", summary.runId());
      } else if (running.get().leaseUntil().isBefore(now)) {
        try {
          finish(running.get(), deadline);
          swept.add(summary.runId());
        } catch (ChaosfnException e) {
          // One run that cannot be finished (its document is gone) must not keep the others in progress.
          LOG.warn("run {} could not be swept: {}; the next sweep tries again", summary.runId(), e.userMessage());
        }
      }
    }
    return swept;
  }

  private List<RunRecord> inProgress() {
    List<RunRecord> runs = new ArrayList<>();
    RunQuery query = new RunQuery(null, Outcome.IN_PROGRESS, null, null, null, null, PAGE_SIZE, null);
    Page<RunRecord> page;
    do {
      page = journals.runs(query);
      runs.addAll(page.items());
      query = query.withCursor(page.nextCursor());
    } while (page.nextCursor() != null);
    return runs;
  }

  private void finish(InProgressRun run, Instant deadline) {
    LOG.warn("run {} of experiment {}: lease ended at {} without a journal; interrupting it", run.runId(),
        run.experimentId(), run.leaseUntil());
    Experiment experiment = parser.parseLeniently(experiments.load(run.source()).tree());
    StopSignal stop = new StopSignal();
    stop.request(Stop.runtimeLost(run.leaseUntil()), false);
    Journal journal = engine.execute(experiment,
        new RunContext.RunIdentity(run.runId(), run.trigger(), run.source()), deadline, stop);
    RunRecord finished = RunRecord.of(run.runId(), run.experimentId(), journal, run.source().versionId());
    completion.finish(new RunRecord(finished.runId(), finished.experimentId(), finished.outcome(),
        finished.deviated(), finished.title(), finished.trigger(), run.startedAt(), finished.endedAt(),
        finished.journal(), "runtime lost: the lease ended at " + run.leaseUntil() + " without a journal",
        List.of(), finished.experimentVersion()));
    run.leases().forEach(locks::release);
  }
}
