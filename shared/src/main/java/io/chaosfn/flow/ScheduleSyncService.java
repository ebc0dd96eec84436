package io.chaosfn.flow;

import io.chaosfn.experiment.Problems;
import io.chaosfn.experiment.document.DocumentFormat;
import io.chaosfn.store.ExperimentKeys;
import io.chaosfn.store.ExperimentNotFoundException;
import io.chaosfn.experiment.ChaosfnExtension;
import io.chaosfn.trigger.schedule.ScheduleDefinition;
import io.chaosfn.trigger.schedule.ScheduleNames;
import io.chaosfn.trigger.schedule.Schedules;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps each experiment's Scheduler schedule in step with its document in S3 (architecture.md flow 4).
 *
 * <p>A written document with a valid schedule gets its schedule created or replaced, then the key map records
 * which experiment the key holds; a document without a schedule has its schedule removed; a schedule with
 * problems changes nothing and the problems are returned. When a key's document now carries another experiment
 * id, the old id's schedule is removed after the new one exists. A removed document finds its experiment
 * through the key map, its schedule is deleted, and the key forgotten; when the key still holds a document (an
 * old version was deleted), that document is synchronised instead. Each step is idempotent, so a repeated
 * or retried event converges on the same state; a failure part-way leaves the old schedule or both, never none.
 */
public final class ScheduleSyncService {
  /** Replaced by the Scheduler with the id of each execution: RunExperiment derives the run id from it. */
  static final String EXECUTION_ID = "<aws.scheduler.execution-id>";
  static final String SCHEDULED_TIME = "<aws.scheduler.scheduled-time>";
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleSyncService.class);

  private final ExperimentDocuments documents;
  private final ExperimentKeys keys;
  private final Schedules schedules;

  public ScheduleSyncService(ExperimentDocuments documents, ExperimentKeys keys, Schedules schedules) {
    this.documents = documents;
    this.keys = keys;
    this.schedules = schedules;
  }

  /**
   * @throws io.chaosfn.ChaosfnException when S3, the table or the Scheduler fail; the event may be retried
   */
  public SyncResult sync(ObjectChange change) {
    SyncResult result = DocumentFormat.fromFileName(change.key()).isEmpty()
        ? new SyncResult.Ignored(change.uri(), "not a .json, .yaml or .yml document")
        : switch (change.kind()) {
          case CREATED -> written(change);
          case DELETED -> removed(change);
        };
    if (result instanceof SyncResult.Rejected) {
      LOG.warn("{}", result.summary());
    } else {
      LOG.info("{}", result.summary());
    }
    return result;
  }

  private SyncResult written(ObjectChange change) {
    ExperimentDocuments.Document document = documents.load(change.uri());
    Problems problems = new Problems();
    Optional<ChaosfnExtension.Schedule> schedule = Optional.ofNullable(
        ChaosfnExtension.fromDocument(document.tree(), problems).schedule());
    if (!problems.isEmpty()) {
      return new SyncResult.Rejected(change.uri(), problems.list());
    }
    String experimentId = document.experimentId();
    String name = ScheduleNames.of(experimentId);
    Optional<String> previousId = keys.experimentId(change.key()).filter(id -> !id.equals(experimentId));
    SyncResult result;
    if (schedule.isPresent()) {
      ChaosfnExtension.Schedule wanted = schedule.get();
      schedules.put(new ScheduleDefinition(name, wanted.expression(), wanted.timezone(),
          Optional.ofNullable(wanted.flexibleWindowMinutes()), wanted.enabled(), input(change.uri(), name)));
      result = new SyncResult.Scheduled(experimentId, name, wanted.expression(), wanted.enabled());
    } else {
      result = new SyncResult.Unscheduled(experimentId, name, schedules.delete(name));
    }
    keys.put(change.key(), experimentId);
    previousId.ifPresent(id -> {
      boolean existed = schedules.delete(ScheduleNames.of(id));
      LOG.info("{} now holds {} instead of {}: old schedule {}", change.uri(), experimentId, id,
          existed ? "deleted" : "not present");
    });
    return result;
  }

  private SyncResult removed(ObjectChange change) {
    if (stillStored(change)) {
      // In the versioned bucket, deleting an old version also sends Object Deleted: the document is still there.
      return written(change);
    }
    Optional<String> experimentId = keys.experimentId(change.key());
    if (experimentId.isEmpty()) {
      return new SyncResult.Ignored(change.uri(), "no experiment was recorded for this key");
    }
    String name = ScheduleNames.of(experimentId.get());
    boolean existed = schedules.delete(name);
    keys.remove(change.key());
    return new SyncResult.Unscheduled(experimentId.get(), name, existed);
  }

  private boolean stillStored(ObjectChange change) {
    try {
      documents.load(change.uri());
      return true;
    } catch (ExperimentNotFoundException e) {
      return false;
    }
  }

  /** RunExperiment's scheduler envelope. */
  static String input(String uri, String scheduleName) {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    input.put("experiment", uri);
    input.putObject("trigger").put("type", "schedule").put("name", scheduleName);
    input.put("execution_id", EXECUTION_ID);
    input.put("scheduled_time", SCHEDULED_TIME);
    return input.toString();
  }
}
