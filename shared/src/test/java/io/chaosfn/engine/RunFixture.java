package io.chaosfn.engine;

import io.chaosfn.activity.Providers;
import io.chaosfn.engine.control.NativeControl;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.experiment.DryMode;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.ExperimentParser;
import io.chaosfn.experiment.HypothesisStrategy;
import io.chaosfn.experiment.RollbackStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Builds and runs an experiment against a {@link ScriptedProvider} with fake time. */
final class RunFixture {
  static final JsonMapper JSON = JsonMapper.builder().build();
  final ScriptedProvider provider = new ScriptedProvider();
  final FakeTime time = new FakeTime(Instant.parse("2026-11-27T10:00:00Z"));
  final StopSignal stop = new StopSignal();
  final List<RunListener> listeners = new ArrayList<>();
  final List<NativeControl> controls = new ArrayList<>();
  HypothesisStrategy hypothesisStrategy = HypothesisStrategy.DEFAULT;
  RollbackStrategy rollbackStrategy = RollbackStrategy.DEFAULT;
  DryMode dry;
  Duration frequency = Duration.ofSeconds(1);
  boolean failFast;
  Instant deadline;
  Duration reserve;
  ObjectNode configuration = JsonNodeFactory.instance.objectNode();
  ObjectNode secrets = JsonNodeFactory.instance.objectNode();

  static ObjectNode document(String json) {
    return (ObjectNode) JSON.readTree(json);
  }

  Experiment parse(String json) {
    return parser().parse(document(json));
  }

  ExperimentParser parser() {
    return new ExperimentParser(new Providers(List.of(provider)), controls.stream()
        .collect(java.util.stream.Collectors.toMap(NativeControl::module, c -> c::validate)));
  }

  Journal run(String json) {
    return run(parse(json));
  }

  Journal run(Experiment experiment) {
    return new Runner(controls).run(context(experiment));
  }

  RunContext context(Experiment experiment) {
    return new RunContext(experiment, configuration, secrets, Map.of(), new Providers(List.of(provider)), dry,
        hypothesisStrategy, rollbackStrategy, frequency, failFast, deadline, reserve, listeners, stop, time, time,
        new RunContext.Host("Linux-test", "test-node"),
        new RunContext.RunIdentity("run-1", Trigger.cli(), null), RunContext.SecretRedaction.NONE);
  }
}
