package io.chaosfn.store.dynamodb;

import static io.chaosfn.store.dynamodb.RunItems.putIfPresent;
import static io.chaosfn.store.dynamodb.RunItems.s;
import static io.chaosfn.store.dynamodb.RunItems.string;

import io.chaosfn.store.ExperimentHistory;
import io.chaosfn.store.ExperimentHistory.RunMark;
import io.chaosfn.store.ExperimentHistory.Streak;
import io.chaosfn.store.JournalLayout;
import io.chaosfn.store.Outcome;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An experiment's META item: its {@link ExperimentHistory}, kept up to date after each run write, and the key
 * of the sparse experiments index. {@code version} makes updates optimistic: a writer only replaces the version
 * it read.
 */
final class MetaItems {
  static final String VERSION = "version";
  private static final String LAST_RUN = "lastRun";
  private static final String LAST_EXECUTED = "lastExecuted";
  private static final String LAST_DEVIATION = "lastDeviation";
  private static final String COUNTS = "counts";
  private static final String STREAK_OUTCOME = "streakOutcome";
  private static final String STREAK_LENGTH = "streakLength";
  private static final String REVISION_AT_LAST_CHANGE = "revisionAtLastChange";

  private MetaItems() {}

  static Map<String, AttributeValue> key(String experimentId) {
    return Map.of(RunItems.PK, s(JournalLayout.experimentPartition(experimentId)),
        RunItems.SK, s(JournalLayout.META_SORT_KEY));
  }

  static Map<String, AttributeValue> toItem(ExperimentHistory history, long version) {
    Map<String, AttributeValue> item = new HashMap<>(key(history.experimentId()));
    item.put(RunItems.EXPERIMENTS_KEY, s(JournalLayout.EXPERIMENTS_PARTITION));
    item.put(RunItems.EXPERIMENT_ID, s(history.experimentId()));
    putIfPresent(item, RunItems.TITLE, history.title());
    putMark(item, LAST_RUN, history.lastRun());
    putMark(item, LAST_EXECUTED, history.lastExecuted());
    putMark(item, LAST_DEVIATION, history.lastDeviation());
    Map<String, AttributeValue> counts = new HashMap<>();
    history.counts().forEach((outcome, count) -> counts.put(outcome.wireName(), AttributeValue.fromN(Integer.toString(count))));
    item.put(COUNTS, AttributeValue.fromM(counts));
    if (history.streak() != null) {
      item.put(STREAK_OUTCOME, s(history.streak().outcome().wireName()));
      item.put(STREAK_LENGTH, AttributeValue.fromN(Integer.toString(history.streak().length())));
    }
    putIfPresent(item, REVISION_AT_LAST_CHANGE, history.revisionAtLastChange());
    item.put(VERSION, AttributeValue.fromN(Long.toString(version)));
    return item;
  }

  static ExperimentHistory fromItem(Map<String, AttributeValue> item) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    item.get(COUNTS).m().forEach((name, count) -> counts.put(outcome(name), Integer.parseInt(count.n())));
    Streak streak = item.containsKey(STREAK_OUTCOME)
        ? new Streak(outcome(string(item, STREAK_OUTCOME)), Integer.parseInt(item.get(STREAK_LENGTH).n()))
        : null;
    return new ExperimentHistory(string(item, RunItems.EXPERIMENT_ID), string(item, RunItems.TITLE),
        mark(item, LAST_RUN), mark(item, LAST_EXECUTED), counts, mark(item, LAST_DEVIATION), streak,
        string(item, REVISION_AT_LAST_CHANGE));
  }

  static long version(Map<String, AttributeValue> item) {
    return Long.parseLong(item.get(VERSION).n());
  }

  private static void putMark(Map<String, AttributeValue> item, String name, RunMark mark) {
    if (mark == null) {
      return;
    }
    Map<String, AttributeValue> map = new HashMap<>();
    map.put(RunItems.RUN_ID, s(mark.runId()));
    map.put(RunItems.STARTED_AT, s(RunItems.instant(mark.startedAt())));
    map.put(RunItems.OUTCOME, s(mark.outcome().wireName()));
    putIfPresent(map, "revision", mark.revision());
    item.put(name, AttributeValue.fromM(map));
  }

  private static RunMark mark(Map<String, AttributeValue> item, String name) {
    if (!item.containsKey(name)) {
      return null;
    }
    Map<String, AttributeValue> map = item.get(name).m();
    return new RunMark(string(map, RunItems.RUN_ID), Instant.parse(string(map, RunItems.STARTED_AT)),
        outcome(string(map, RunItems.OUTCOME)), string(map, "revision"));
  }

  private static Outcome outcome(String name) {
    return Outcome.fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown outcome " + name));
  }
}
