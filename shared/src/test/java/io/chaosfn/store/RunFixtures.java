package io.chaosfn.store;

import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.JournalCodec;
import io.chaosfn.engine.journal.Timestamps;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.experiment.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Runs for store tests: run ids sort like their start times, as ULIDs do. */
public final class RunFixtures {
  public static final Instant EPOCH = Instant.parse("2025-03-01T10:00:00Z");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private RunFixtures() {}

  public static String runId(int n) {
    return String.format("01JRUN%06d", n);
  }

  public static Instant startOf(int n) {
    return EPOCH.plus(Duration.ofMinutes(n));
  }

  /** A finished run with a journal: {@code completed}, {@code failed}..., deviated for the DEVIATED outcome. */
  public static RunRecord finished(String experimentId, int n, Outcome outcome, Trigger trigger) {
    String status = outcome == Outcome.DEVIATED ? Journal.COMPLETED : outcome.wireName();
    return RunRecord.of(runId(n), experimentId, journal(experimentId, n, status, outcome == Outcome.DEVIATED, trigger),
        "v" + n);
  }

  public static RunRecord finished(String experimentId, int n, Outcome outcome) {
    return finished(experimentId, n, outcome, Trigger.cli());
  }

  public static RunRecord inProgress(String experimentId, int n) {
    return new RunRecord(runId(n), experimentId, Outcome.IN_PROGRESS, false, "title of " + experimentId,
        Trigger.cli(), startOf(n), null, null, "lease held by worker-1", List.of(), null);
  }

  public static RunRecord skipped(String experimentId, int n) {
    return new RunRecord(runId(n), experimentId, Outcome.SKIPPED, false, "title of " + experimentId,
        new Trigger("schedule", "nightly", null, null, null), startOf(n), startOf(n), null,
        "target prod/default is locked by run " + runId(n - 1), List.of(), null);
  }

  public static RunRecord invalid(String experimentId, int n) {
    return new RunRecord(runId(n), experimentId, Outcome.INVALID, false, null, Trigger.cli(), startOf(n),
        startOf(n), null, null, List.of(new Problem("method[0].provider.url", "required")), "v" + n);
  }

  /** A journal as the runner writes it, with an unknown key and an activity output to prove round trips. */
  public static Journal journal(String experimentId, int n, String status, boolean deviated, Trigger trigger) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("chaoslib-version", "0.1.0");
    json.put("platform", "Linux");
    json.put("node", "test-host");
    json.putObject("experiment").put("title", "title of " + experimentId).put("x-custom", "kept")
        .putArray("method").addObject().put("type", "probe").put("name", "ping");
    json.put("start", Timestamps.format(startOf(n)));
    json.put("status", status);
    json.put("deviated", deviated);
    ObjectNode steadyStates = json.putObject("steady_states");
    steadyStates.putObject("before").put("steady_state_met", true).putArray("probes");
    steadyStates.putNull("after");
    steadyStates.putArray("during");
    ObjectNode item = json.putArray("run").addObject();
    item.putObject("activity").put("type", "probe").put("name", "ping");
    item.putObject("output").put("status", 200).put("body", "pong é ✓");
    item.put("start", Timestamps.format(startOf(n)));
    item.put("status", "succeeded");
    item.put("end", Timestamps.format(startOf(n).plusMillis(1500)));
    item.put("duration", 1.5);
    json.putArray("rollbacks");
    json.put("end", Timestamps.format(startOf(n).plusSeconds(30)));
    json.put("duration", 30.0);
    ObjectNode chaosfn = json.putObject("chaosfn");
    chaosfn.put("run_id", runId(n));
    chaosfn.set("trigger", trigger.toJson());
    return JournalCodec.fromJson(json);
  }
}
