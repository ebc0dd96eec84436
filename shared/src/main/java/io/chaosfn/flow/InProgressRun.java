package io.chaosfn.flow;

import io.chaosfn.ChaosfnVersion;
import io.chaosfn.engine.RunContext;
import io.chaosfn.engine.journal.ExperimentSourceRef;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.Timestamps;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.RunLock;
import io.chaosfn.store.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The run item written before anything executes (lambda-engineering.md §4): a journal without a status whose
 * {@code chaosfn} object says who runs, from which experiment version, and which locks it holds until when
 * ({@code chaosfn.lease}). The sweeper reads it back when the function died; the finished journal replaces it.
 * The stub's {@code experiment} holds only the title: the document is reloaded from its recorded version, and
 * nothing unmasked is stored.
 *
 * @param leases the locks the run holds, all ending at the same time
 */
record InProgressRun(String runId, String experimentId, String title, Trigger trigger, Instant startedAt,
    ExperimentSourceRef source, List<RunLock.Lease> leases, Instant leaseUntil) {
  InProgressRun {
    leases = List.copyOf(leases);
  }

  RunRecord toRecord(RunContext.Host host) {
    ObjectNode chaosfn = JsonNodeFactory.instance.objectNode().put("run_id", runId);
    chaosfn.set("trigger", trigger.toJson());
    chaosfn.set("experiment_source", source.toJson());
    ObjectNode lease = chaosfn.putObject("lease").put("until", Timestamps.format(leaseUntil));
    leases.forEach(l -> lease.withArrayProperty("targets").add(l.target()));
    Journal stub = new Journal(ChaosfnVersion.current(), host.platform(), host.node(),
        JsonNodeFactory.instance.objectNode().put("title", title), startedAt, null, false, null, null, List.of(),
        null, List.of(), List.of(), null, null, chaosfn, null);
    return new RunRecord(runId, experimentId, Outcome.IN_PROGRESS, false, title, trigger, startedAt, null, stub,
        "running, holding " + String.join(", ", targets()) + " until " + Timestamps.format(leaseUntil), List.of(),
        source.versionId());
  }

  private List<String> targets() {
    return leases.stream().map(RunLock.Lease::target).toList();
  }

  /** The in-progress run a stored record describes, or empty when the record has no readable lease. */
  static Optional<InProgressRun> from(RunRecord run) {
    if (run.outcome() != Outcome.IN_PROGRESS || run.journal() == null || run.journal().chaosfn() == null) {
      return Optional.empty();
    }
    ObjectNode chaosfn = run.journal().chaosfn();
    JsonNode lease = chaosfn.path("lease");
    JsonNode source = chaosfn.path("experiment_source");
    if (!lease.path("until").isString() || !source.path("uri").isString()) {
      return Optional.empty();
    }
    Instant until = Timestamps.parse(lease.get("until").asString());
    List<RunLock.Lease> leases = new ArrayList<>();
    lease.path("targets").values().forEach(t -> leases.add(new RunLock.Lease(t.asString(), run.runId(), until)));
    ExperimentSourceRef ref = new ExperimentSourceRef(source.get("uri").asString(), text(source, "version_id"),
        text(source, "etag"));
    return Optional.of(new InProgressRun(run.runId(), run.experimentId(), run.title(), run.trigger(),
        run.startedAt(), ref, leases, until));
  }

  private static String text(JsonNode node, String key) {
    return node.path(key).isString() ? node.get(key).asString() : null;
  }
}
