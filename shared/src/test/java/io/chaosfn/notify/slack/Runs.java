package io.chaosfn.notify.slack;

import io.chaosfn.engine.RunContext;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.RunItem;
import io.chaosfn.engine.journal.SteadyState;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.experiment.Control;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.SecretMasker;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/** Experiments and journals built by hand, so the notifier is tested without running an engine. */
final class Runs {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final Instant START = Instant.parse("2026-11-27T10:00:00Z");
  static final String SECRET = "hunter2-db-password";
  static final String TITLE = "Frontend survives losing the database master";

  private Runs() {}

  static Experiment experiment(JsonNode extension, List<Control> controls) {
    return new Experiment(NODES.objectNode().put("title", TITLE), TITLE, "d", NODES.objectNode(),
        NODES.objectNode(), null, List.of(), List.of(), controls, null, null, false, extension, List.of());
  }

  static Experiment experimentOnChannel(String channel) {
    ObjectNode extension = NODES.objectNode();
    extension.putObject("notify").put("slack_channel", channel);
    return experiment(extension, List.of());
  }

  static Control slackControl(String channel) {
    ObjectNode provider = NODES.objectNode().put("type", "python").put("module", "chaosslack.control");
    if (channel != null) {
      provider.putObject("arguments").put("channel", channel);
    }
    return new Control("slack", null, true, provider, null);
  }

  static RunContext.RunIdentity identity(Trigger trigger) {
    return new RunContext.RunIdentity("01JDEADBEEF", trigger, null);
  }

  static Trigger deploy(String revision) {
    return new Trigger("deploy", "frontend-app", "flux", revision, "delivery-1");
  }

  /** The run's redaction, masking {@link #SECRET} as the flow's does. */
  static RunContext.SecretRedaction redaction() {
    ObjectNode secrets = NODES.objectNode();
    secrets.putObject("db").put("password", SECRET);
    return RunContext.SecretRedaction.masking(new SecretMasker(secrets));
  }

  static RunItem action(String name, JsonNode output) {
    ObjectNode activity = NODES.objectNode().put("type", "action").put("name", name);
    return new RunItem(activity, output, START, RunItem.SUCCEEDED, null, START.plusSeconds(1), 1.0, null,
        NODES.objectNode());
  }

  static RunItem failedAction(String name, String error) {
    ObjectNode activity = NODES.objectNode().put("type", "action").put("name", name);
    return new RunItem(activity, NullNode.getInstance(), START, RunItem.FAILED,
        NODES.arrayNode().add("Traceback...\n").add("chaoslib.exceptions.ActivityFailed: " + error + "\n"),
        START.plusSeconds(2), 2.0, null, NODES.objectNode());
  }

  static RunItem probe(String name, JsonNode tolerance, JsonNode output, boolean met) {
    ObjectNode activity = NODES.objectNode().put("type", "probe").put("name", name);
    activity.set("tolerance", tolerance);
    return new RunItem(activity, output, START, RunItem.SUCCEEDED, null, START.plusSeconds(1), 1.0, met,
        NODES.objectNode());
  }

  static SteadyState held(RunItem... probes) {
    return new SteadyState(true, List.of(probes), NODES.objectNode());
  }

  static SteadyState notMet(RunItem... probes) {
    return new SteadyState(false, List.of(probes), NODES.objectNode());
  }

  static Journal journal(String status, boolean deviated, SteadyState before, SteadyState after, List<RunItem> run,
      List<RunItem> rollbacks, ObjectNode chaosfn) {
    return new Journal("chaosfn-test", "Linux", "node", NODES.objectNode().put("title", TITLE), START, status,
        deviated, before, after, List.of(), NODES.objectNode(), run, rollbacks, START.plusSeconds(42),
        42.0, chaosfn, NODES.objectNode());
  }

  static Journal completed(List<RunItem> run) {
    return journal(Journal.COMPLETED, false, held(), held(), run, List.of(), NODES.objectNode());
  }
}
