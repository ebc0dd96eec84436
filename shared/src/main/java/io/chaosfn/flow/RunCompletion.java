package io.chaosfn.flow;

import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.Timestamps;
import io.chaosfn.notify.EventPublisher;
import io.chaosfn.notify.PublishingFailedException;
import io.chaosfn.notify.RunFinished;
import io.chaosfn.store.JournalStore;
import io.chaosfn.store.RunRecord;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The end of every stored run: store it, then publish {@code chaosfn.run.finished}. The run is stored before the
 * event goes out, so a consumer reacting to the event finds it. A publishing failure never changes the run
 * (decisions.md §1): it is added to the journal's {@code chaosfn.notifications} and the run is stored again, a
 * second write only when publishing failed; a run without a journal (skipped, invalid) only logs it.
 */
final class RunCompletion {
  private static final Logger LOG = LoggerFactory.getLogger(RunCompletion.class);

  private final JournalStore journals;
  private final EventPublisher events;
  private final Clock clock;

  RunCompletion(JournalStore journals, EventPublisher events, Clock clock) {
    this.journals = journals;
    this.events = events;
    this.clock = clock;
  }

  RunRecord finish(RunRecord run) {
    journals.put(run);
    try {
      events.publish(RunFinished.of(run));
      return run;
    } catch (PublishingFailedException e) {
      LOG.warn("run {}: {} not published: {}", run.runId(), RunFinished.DETAIL_TYPE, e.getMessage());
      if (run.journal() == null) {
        return run;
      }
      RunRecord noted = withNotification(run, e.userMessage());
      journals.put(noted);
      return noted;
    }
  }

  private RunRecord withNotification(RunRecord run, String error) {
    Journal journal = run.journal();
    ObjectNode chaosfn = journal.chaosfn() == null ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        : journal.chaosfn().deepCopy();
    chaosfn.withArrayProperty("notifications").addObject()
        .put("channel", "eventbridge")
        .put("event", RunFinished.DETAIL_TYPE)
        .put("status", "failed")
        .put("error", error)
        .put("at", Timestamps.format(clock.instant()));
    Journal noted = new Journal(journal.chaoslibVersion(), journal.platform(), journal.node(), journal.experiment(),
        journal.start(), journal.status(), journal.deviated(), journal.before(), journal.after(), journal.during(),
        journal.steadyStatesExtra(), journal.run(), journal.rollbacks(), journal.end(), journal.duration(), chaosfn,
        journal.extra());
    return new RunRecord(run.runId(), run.experimentId(), run.outcome(), run.deviated(), run.title(), run.trigger(),
        run.startedAt(), run.endedAt(), noted, run.reason(), run.problems(), run.experimentVersion());
  }
}
