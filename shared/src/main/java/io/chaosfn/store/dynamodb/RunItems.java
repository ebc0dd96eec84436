package io.chaosfn.store.dynamodb;

import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.experiment.Problem;
import io.chaosfn.store.JournalLayout;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.RunRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A run as a DynamoDB item and back: attribute names, and the attributes listings and indexes carry. */
final class RunItems {
  static final String PK = "PK";
  static final String SK = "SK";
  static final String RUN_ID = "runId";
  static final String EXPERIMENT_ID = "experimentId";
  static final String EXPERIMENTS_KEY = "experimentsKey";
  static final String OUTCOME = "outcome";
  static final String OUTCOME_KEY = "outcomeKey";
  static final String DEVIATED = "deviated";
  static final String TITLE = "title";
  static final String TRIGGER = "trigger";
  static final String TRIGGER_TYPE = "triggerType";
  static final String STARTED_AT = "startedAt";
  static final String ENDED_AT = "endedAt";
  static final String REASON = "reason";
  static final String PROBLEMS = "problems";
  static final String EXPERIMENT_VERSION = "experimentVersion";
  static final String JOURNAL = "journal";
  static final String JOURNAL_KEY = "journalKey";
  static final String EXPIRES_AT = "expiresAt";

  /** What a listing reads: everything but the journal. */
  static final List<String> SUMMARY_ATTRIBUTES = List.of(PK, SK, RUN_ID, EXPERIMENT_ID, OUTCOME, OUTCOME_KEY,
      DEVIATED, TITLE, TRIGGER, TRIGGER_TYPE, STARTED_AT, ENDED_AT, REASON, PROBLEMS, EXPERIMENT_VERSION);

  /** The summary attributes that are not keys of the table or of the outcome index. */
  static final List<String> OUTCOME_INDEX_ATTRIBUTES = SUMMARY_ATTRIBUTES.stream()
      .filter(a -> !List.of(PK, SK, RUN_ID, OUTCOME_KEY).contains(a)).toList();

  /**
   * Fixed-width UTC timestamps (nanoseconds, {@code Z}): string order is time order, so {@code since} and
   * {@code until} compare as strings, and the value still reads as a date in the console.
   */
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private RunItems() {}

  /** The run's item, without its journal attributes. */
  static Map<String, AttributeValue> toItem(RunRecord run, long expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PK, s(JournalLayout.experimentPartition(run.experimentId())));
    item.put(SK, s(JournalLayout.runSortKey(run.runId())));
    item.put(RUN_ID, s(run.runId()));
    item.put(EXPERIMENT_ID, s(run.experimentId()));
    item.put(OUTCOME, s(run.outcome().wireName()));
    item.put(OUTCOME_KEY, s(JournalLayout.outcomePartition(run.outcome())));
    item.put(DEVIATED, AttributeValue.fromBool(run.deviated()));
    putIfPresent(item, TITLE, run.title());
    item.put(TRIGGER, AttributeValue.fromM(trigger(run.trigger())));
    item.put(TRIGGER_TYPE, s(run.trigger().type()));
    item.put(STARTED_AT, s(instant(run.startedAt())));
    if (run.endedAt() != null) {
      item.put(ENDED_AT, s(instant(run.endedAt())));
    }
    putIfPresent(item, REASON, run.reason());
    item.put(PROBLEMS, AttributeValue.fromL(run.problems().stream()
        .map(p -> AttributeValue.fromM(Map.of("path", s(p.path()), "message", s(p.message())))).toList()));
    putIfPresent(item, EXPERIMENT_VERSION, run.experimentVersion());
    item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt)));
    return item;
  }

  static RunRecord fromItem(Map<String, AttributeValue> item, Journal journal) {
    Map<String, AttributeValue> trigger = item.get(TRIGGER).m();
    return new RunRecord(
        string(item, RUN_ID),
        string(item, EXPERIMENT_ID),
        Outcome.fromWireName(string(item, OUTCOME))
            .orElseThrow(() -> new IllegalArgumentException("unknown outcome " + string(item, OUTCOME))),
        Boolean.TRUE.equals(item.get(DEVIATED).bool()),
        string(item, TITLE),
        new Trigger(string(trigger, "type"), string(trigger, "name"), string(trigger, "source"),
            string(trigger, "revision"), string(trigger, "deliveryId")),
        Instant.parse(string(item, STARTED_AT)),
        item.containsKey(ENDED_AT) ? Instant.parse(string(item, ENDED_AT)) : null,
        journal,
        string(item, REASON),
        item.get(PROBLEMS).l().stream()
            .map(p -> new Problem(string(p.m(), "path"), string(p.m(), "message"))).toList(),
        string(item, EXPERIMENT_VERSION));
  }

  static String instant(Instant instant) {
    return SORTABLE.format(instant);
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, s(value));
    }
  }

  private static Map<String, AttributeValue> trigger(Trigger trigger) {
    Map<String, AttributeValue> map = new HashMap<>();
    map.put("type", s(trigger.type()));
    putIfPresent(map, "name", trigger.name());
    putIfPresent(map, "source", trigger.source());
    putIfPresent(map, "revision", trigger.revision());
    putIfPresent(map, "deliveryId", trigger.deliveryId());
    return map;
  }
}
