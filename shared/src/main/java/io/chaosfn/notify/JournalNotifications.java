package io.chaosfn.notify;

import io.chaosfn.engine.journal.Journal;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Adds notification outcomes that came after the journal was stored to its {@code chaosfn.notifications}. */
public final class JournalNotifications {
  private JournalNotifications() {}

  /** The journal with these outcomes after any it already records; the same journal when there are none. */
  public static Journal append(Journal journal, List<NotificationOutcome> outcomes) {
    if (outcomes.isEmpty()) {
      return journal;
    }
    ObjectNode chaosfn = journal.chaosfn() == null ? JsonNodeFactory.instance.objectNode() : journal.chaosfn().deepCopy();
    ArrayNode entries = chaosfn.has("notifications") && chaosfn.get("notifications").isArray()
        ? (ArrayNode) chaosfn.get("notifications") : chaosfn.putArray("notifications");
    outcomes.forEach(o -> entries.add(o.toJson()));
    return new Journal(journal.chaoslibVersion(), journal.platform(), journal.node(), journal.experiment(),
        journal.start(), journal.status(), journal.deviated(), journal.before(), journal.after(), journal.during(),
        journal.steadyStatesExtra(), journal.run(), journal.rollbacks(), journal.end(), journal.duration(), chaosfn,
        journal.extra());
  }
}
