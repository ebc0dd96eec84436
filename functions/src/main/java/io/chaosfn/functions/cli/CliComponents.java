package io.chaosfn.functions.cli;

import io.chaosfn.activity.ActivityRegistry;
import io.chaosfn.activity.NativeActivities;
import io.chaosfn.activity.PythonProvider;
import io.chaosfn.activity.Providers;
import io.chaosfn.activity.http.HttpPolicy;
import io.chaosfn.activity.http.HttpProvider;
import io.chaosfn.activity.process.ProcessProvider;
import io.chaosfn.engine.control.NativeControl;
import io.chaosfn.engine.control.Safeguards;
import io.chaosfn.experiment.ExperimentParser;
import io.chaosfn.store.JournalStore;
import io.chaosfn.store.local.DirectoryJournalStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * The CLI's composition root: every provider, the native activities and controls, and the journal store.
 * Production registers no extra activities; tests add their stand-ins through {@link ChaosfnCommand#execute(String[],
 * CliEnvironment, NativeActivities)}.
 */
final class CliComponents {
  static final String STORE_VARIABLE = "CHAOSFN_STORE";
  private final CliEnvironment environment;
  private final ActivityRegistry registry;
  private final Providers providers;
  private final List<NativeControl> controls;

  /** @param extraActivities native activities registered besides the built-in ones (none in production) */
  CliComponents(CliEnvironment environment, NativeActivities extraActivities) {
    this.environment = environment;
    this.registry = ActivityRegistry.builder().addAll(extraActivities).build();
    // The CLI runs on the user's own machine: every provider and every address is theirs to use.
    this.providers = new Providers(List.of(new HttpProvider(HttpPolicy.unrestricted()),
        new ProcessProvider(environment.variables()), new PythonProvider(registry)));
    this.controls = List.of(new Safeguards());
  }

  Providers providers() {
    return providers;
  }

  List<NativeControl> controls() {
    return controls;
  }

  ExperimentParser parser() {
    Set<String> modules = controls.stream().map(NativeControl::module).collect(Collectors.toSet());
    return new ExperimentParser(providers, modules);
  }

  /**
   * The store named by {@code --store}, else {@code CHAOSFN_STORE}, else {@code dir:~/.chaosfn/journals}.
   *
   * @throws CommandLine.ParameterException for a malformed store name (a usage error)
   */
  JournalStore store(String option, CommandLine commandLine) {
    String name = option != null ? option : environment.get(STORE_VARIABLE);
    if (name == null || name.isBlank()) {
      return new DirectoryJournalStore(environment.home().resolve(".chaosfn").resolve("journals"));
    }
    if (name.startsWith("dir:") && name.length() > 4) {
      String path = name.substring(4);
      return new DirectoryJournalStore(path.startsWith("~/") ? environment.home().resolve(path.substring(2))
          : Path.of(path));
    }
    throw new CommandLine.ParameterException(commandLine,
        "unknown store '" + name + "': expected dir:PATH (a DynamoDB store, dynamodb:TABLE, needs AWS settings"
            + " this build of the CLI does not read yet)");
  }
}
