package io.chaosfn.engine.journal;

import io.chaosfn.ChaosfnVersion;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one mutable object of a run: it collects what happens and yields an immutable {@link Journal} at any
 * moment, so an interrupted run is still stored whole. Synchronised, because background activities and the
 * continuous hypothesis report from their own threads.
 */
public final class JournalRecorder {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final Clock clock;
  private final String platform;
  private final String node;
  private final ObjectNode experiment;
  private final Instant start;
  private final ObjectNode chaosfn;
  private String status;
  private boolean deviated;
  private SteadyState before;
  private SteadyState after;
  private final List<SteadyState> during = new ArrayList<>();
  private final List<Slot> run = new ArrayList<>();
  private final List<Slot> rollbacks = new ArrayList<>();

  /**
   * @param experiment the journal's copy of the experiment (substituted title, {@code dry}, secrets masked)
   * @param chaosfn the journal's {@code chaosfn} object so far (run id, trigger, source); the recorder adds the
   *     stop, activity decisions and warnings
   */
  public JournalRecorder(Clock clock, String platform, String node, ObjectNode experiment, ObjectNode chaosfn) {
    this.clock = clock;
    this.platform = platform;
    this.node = node;
    this.experiment = experiment;
    this.chaosfn = chaosfn.deepCopy();
    this.chaosfn.put("engine_version", ChaosfnVersion.current());
    this.start = clock.instant();
  }

  public Instant start() {
    return start;
  }

  public synchronized String status() {
    return status;
  }

  public synchronized void status(String newStatus) {
    status = newStatus;
  }

  /** Sets the status only when none is set yet: the first cause of an early end is the one reported. */
  public synchronized void statusIfUnset(String newStatus) {
    if (status == null) {
      status = newStatus;
    }
  }

  public synchronized boolean deviated() {
    return deviated;
  }

  public synchronized void deviated(boolean value) {
    deviated = value;
  }

  public synchronized void before(SteadyState state) {
    before = state;
  }

  public synchronized void after(SteadyState state) {
    after = state;
  }

  public synchronized void during(SteadyState state) {
    during.add(state);
  }

  /** Reserves the activity's place in {@code run} or {@code rollbacks} when it starts (the journal's order). */
  public synchronized Slot started(boolean rollback, ObjectNode activity) {
    List<Slot> list = rollback ? rollbacks : run;
    Slot slot = new Slot(rollback ? "rollbacks" : "method", list.size(), activity, clock.instant());
    list.add(slot);
    return slot;
  }

  /** Records what an activity decided (selection, grace period, guardrail...) under {@code chaosfn.activities}. */
  public synchronized void audit(String phase, int index, String name, Map<String, JsonNode> entries) {
    if (entries.isEmpty()) {
      return;
    }
    ArrayNode activities = chaosfn.has("activities") ? (ArrayNode) chaosfn.get("activities")
        : chaosfn.putArray("activities");
    ObjectNode entry = activities.addObject().put("index", index).put("phase", phase).put("name", name);
    entries.forEach(entry::set);
  }

  public synchronized void stop(ObjectNode stop) {
    chaosfn.set("stop", stop);
  }

  public synchronized void warning(String message) {
    ArrayNode warnings = chaosfn.has("warnings") ? (ArrayNode) chaosfn.get("warnings") : chaosfn.putArray("warnings");
    warnings.add(message);
  }

  /** Appends a notification outcome (a Slack post that failed...) to {@code chaosfn.notifications}. */
  public synchronized void notification(ObjectNode entry) {
    ArrayNode notifications = chaosfn.has("notifications") ? (ArrayNode) chaosfn.get("notifications")
        : chaosfn.putArray("notifications");
    notifications.add(entry);
  }

  public synchronized List<RunItem> items(boolean rollback) {
    Instant now = clock.instant();
    return (rollback ? rollbacks : run).stream().map(s -> s.item(now)).toList();
  }

  /** The journal as it stands; {@code end} and {@code duration} are set once the status is. */
  public synchronized Journal snapshot() {
    Instant now = clock.instant();
    boolean ended = status != null;
    return new Journal(ChaosfnVersion.current(), platform, node, experiment, start, status, deviated,
        before, after, during, NODES.objectNode(), items(false), items(true),
        ended ? now : null, ended ? Timestamps.secondsBetween(start, now) : null, chaosfn.deepCopy(),
        NODES.objectNode());
  }

  /** An activity's place in the journal: its start is known at once, the rest when it completes. */
  public final class Slot {
    private final String phase;
    private final int index;
    private final ObjectNode activity;
    private final Instant startedAt;
    private RunItem completed;

    private Slot(String phase, int index, ObjectNode activity, Instant startedAt) {
      this.phase = phase;
      this.index = index;
      this.activity = activity;
      this.startedAt = startedAt;
    }

    public String phase() {
      return phase;
    }

    public int index() {
      return index;
    }

    public void complete(RunItem item) {
      synchronized (JournalRecorder.this) {
        completed = item;
      }
    }

    /** The completed item, or — for an activity cut off mid-flight — one without status, as Chaos Toolkit writes. */
    RunItem item(Instant now) {
      if (completed != null) {
        return completed;
      }
      return new RunItem(activity, NullNode.getInstance(), startedAt, null, null, now,
          Timestamps.secondsBetween(startedAt, now), null, NODES.objectNode());
    }
  }
}
