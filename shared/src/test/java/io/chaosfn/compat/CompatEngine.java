package io.chaosfn.compat;

import io.chaosfn.activity.ActivityRegistry;
import io.chaosfn.activity.Providers;
import io.chaosfn.activity.PythonProvider;
import io.chaosfn.activity.http.HttpPolicy;
import io.chaosfn.activity.http.HttpProvider;
import io.chaosfn.activity.process.ProcessProvider;
import io.chaosfn.engine.StopSignal;
import io.chaosfn.engine.control.NativeControl;
import io.chaosfn.engine.control.Safeguards;
import io.chaosfn.experiment.Configuration;
import io.chaosfn.experiment.ExperimentParser;
import io.chaosfn.experiment.Problems;
import io.chaosfn.experiment.Secrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/**
 * The engine as the CLI composes it (every provider, unrestricted http, the safeguards control), plus the
 * test-scope stand-ins of the fixtures' Python functions and control modules. One per run: the stand-ins keep
 * per-run state.
 */
final class CompatEngine {
  final StopSignal stop = new StopSignal();
  final Map<String, String> environment;
  final Providers providers;
  final List<NativeControl> controls = List.of(new Safeguards(), new InterruptExperimentControl());

  CompatEngine(Path workingDirectory, Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    ActivityRegistry registry = ActivityRegistry.builder()
        .addAll(new FixtureFunctions(stop, workingDirectory)).build();
    this.providers = new Providers(List.of(new HttpProvider(HttpPolicy.unrestricted()),
        new ProcessProvider(environment), new PythonProvider(registry)));
  }

  ExperimentParser parser() {
    return new ExperimentParser(providers,
        controls.stream().collect(Collectors.toMap(NativeControl::module, c -> c::validate)));
  }

  /** Every problem the CLI's {@code validate} reports: the document's shape, then configuration and secrets. */
  Problems validate(ObjectNode document) {
    Problems problems = parser().validate(document);
    Configuration.validate(objectOrNull(document, "configuration"), environment, problems);
    Secrets.validate(objectOrNull(document, "secrets"), environment, problems);
    return problems;
  }

  private static ObjectNode objectOrNull(ObjectNode document, String key) {
    return document.get(key) instanceof ObjectNode object ? object : null;
  }
}
