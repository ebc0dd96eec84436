package io.chaosfn.functions.cli;

import io.chaosfn.engine.RunContext;
import io.chaosfn.engine.RunListener;
import io.chaosfn.engine.Runner;
import io.chaosfn.engine.Sleeper;
import io.chaosfn.engine.StopSignal;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.JournalCodec;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.experiment.DryMode;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.HypothesisStrategy;
import io.chaosfn.experiment.InvalidExperimentException;
import io.chaosfn.experiment.RollbackStrategy;
import io.chaosfn.experiment.document.ChaosToolkitSettings;
import io.chaosfn.experiment.document.LoadedDocument;
import io.chaosfn.experiment.document.Vars;
import io.chaosfn.flow.RunInputs;
import io.chaosfn.notify.JournalNotifications;
import io.chaosfn.notify.NotificationOutcome;
import io.chaosfn.notify.Notifier;
import io.chaosfn.flow.Strategies;
import io.chaosfn.store.JournalStore;
import io.chaosfn.store.RunIds;
import io.chaosfn.store.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaosfn run SOURCE}: Chaos Toolkit's {@code chaos run}, with its flags and exit codes. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run an experiment and write its journal.")
final class RunCommand implements Callable<Integer> {
  private final CliEnvironment environment;
  private final PendingComponents components;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  DocumentOptions document = new DocumentOptions();

  @Option(names = "--journal-path", paramLabel = "PATH", defaultValue = "./journal.json",
      description = "Where to write the journal (default ${DEFAULT-VALUE}).")
  Path journalPath;

  @Option(names = "--var", paramLabel = "KEY[:TYPE]=VALUE",
      description = "Override a configuration key declared by the experiment (repeatable).")
  List<String> vars = new ArrayList<>();

  @Option(names = "--var-file", paramLabel = "PATH",
      description = "Configuration and secrets from a JSON/YAML file, or environment from a .env file (repeatable).")
  List<Path> varFiles = new ArrayList<>();

  @Option(names = "--rollback-strategy", paramLabel = "STRATEGY",
      description = "default, always, never or deviated.")
  String rollbackStrategy;

  @Option(names = "--hypothesis-strategy", paramLabel = "STRATEGY",
      description = "default, before-method-only, after-method-only, during-method-only or continuously.")
  String hypothesisStrategy;

  @Option(names = "--hypothesis-frequency", paramLabel = "SECONDS", defaultValue = "1.0",
      description = "Gap between continuous hypothesis checks (default ${DEFAULT-VALUE}).")
  double hypothesisFrequency;

  @Option(names = "--fail-fast", description = "Stop the method at the first continuous hypothesis deviation.")
  boolean failFast;

  @Option(names = "--dry", paramLabel = "MODE", description = "probes, actions, activities or pause.")
  String dry;

  @Option(names = "--no-validation", description = "Run without validating first (what validation would refuse"
      + " fails at run time).")
  boolean noValidation;

  @Option(names = "--store", paramLabel = "dir:PATH|dynamodb:TABLE",
      description = "Where runs are kept for 'journals' (default dir:~/.chaosfn/journals, or $CHAOSFN_STORE).")
  String store;

  RunCommand(CliEnvironment environment, PendingComponents components) {
    this.environment = environment;
    this.components = components;
  }

  @Override
  public Integer call() {
    CommandLine commandLine = spec.commandLine();
    Options options = Options.parse(this, commandLine);
    CliComponents components = this.components.get();
    JournalStore journals = JournalStores.open(store, environment, commandLine);
    ChaosToolkitSettings settings = document.settings(environment);
    Experiment experiment;
    LoadedDocument loaded;
    try {
      loaded = document.load(environment, settings);
      experiment = noValidation ? components.parser().parseLeniently(loaded.tree())
          : DocumentOptions.parseValid(components.parser(), loaded, options.vars.environmentOver(environment.variables()));
    } catch (InvalidExperimentException e) {
      e.problems().forEach(p -> environment.err().println(p));
      environment.err().println(document.source + ": not run, the experiment is invalid");
      return 1;
    }
    experiment.warnings().forEach(w -> environment.err().println("warning: " + w));
    Clock clock = Clock.systemUTC();
    RunInputs inputs = RunInputs.resolve(experiment, options.vars, environment.variables(), components.providers(), clock);
    inputs.warnings().forEach(w -> environment.err().println("warning: " + w));
    Strategies strategies = Strategies.resolve(
        settings.hypothesisStrategy().flatMap(s -> HypothesisStrategy.fromName(s, false)),
        settings.rollbackStrategy().flatMap(RollbackStrategy::fromName), experiment,
        options.hypothesis, options.rollbacks);
    environment.err().println("[run] strategies: hypothesis " + strategies.hypothesis().documentName()
        + ", rollbacks " + strategies.rollbacks().documentName() + (options.dry == null ? ""
            : ", dry " + options.dry.documentName()));
    StopSignal stop = new StopSignal();
    new Signals().install(stop, environment.err());
    String runId = RunIds.random(clock.instant());
    RunContext.RunIdentity identity = new RunContext.RunIdentity(runId, Trigger.cli(), document.sourceRef());
    String experimentId = experimentId(experiment, loaded);
    Optional<Notifier> notifier = components.slack().flatMap(slack -> slack.forRun(experiment, identity,
        journals.history(experimentId).orElse(null), inputs.redaction()));
    List<RunListener> listeners = new ArrayList<>(List.of(new ProgressPrinter(environment.err())));
    notifier.ifPresent(listeners::add);
    RunContext context = new RunContext(experiment, inputs.configuration(), inputs.secrets(), inputs.environment(),
        components.providers(), options.dry, strategies.hypothesis(), strategies.rollbacks(),
        options.frequency, failFast, null, null, listeners, stop, clock, Sleeper.REAL, Host.current(environment),
        identity, inputs.redaction());
    Journal ran = new Runner(components.controls()).run(context);
    // The final Slack message goes out after the run; a failure is recorded in the journal, never lost.
    List<NotificationOutcome> late = notifier.map(n -> n.finish(ran)).orElse(List.of());
    Journal journal = late.isEmpty() ? ran : JournalNotifications.append(ran, late);
    writeJournal(journal);
    journals.put(RunRecord.of(runId, experimentId, journal, document.sourceRef().versionId()));
    environment.err().println("[run] journal: " + journalPath + " (run " + runId + ")");
    return journal.succeeded() ? 0 : 1;
  }

  private void writeJournal(Journal journal) {
    try {
      Path absolute = journalPath.toAbsolutePath();
      if (absolute.getParent() != null) {
        Files.createDirectories(absolute.getParent());
      }
      Path temporary = Files.createTempFile(absolute.getParent(), ".journal", ".json");
      Files.write(temporary, JournalCodec.write(journal));
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new io.chaosfn.ChaosfnException("could not write the journal to " + journalPath + ": " + e.getMessage(), e);
    }
  }

  /** The {@code chaosfn} extension's id, else the file name without its extension. */
  static String experimentId(Experiment experiment, LoadedDocument loaded) {
    return experiment.declaredId().orElseGet(() -> {
      String origin = loaded.origin();
      String name = origin.substring(origin.lastIndexOf('/') + 1);
      int dot = name.lastIndexOf('.');
      return dot > 0 ? name.substring(0, dot) : name;
    });
  }

  /** The flag values checked together: any bad one is a usage error (exit 2), before anything is loaded. */
  private static final class Options {
    Vars vars;
    Optional<HypothesisStrategy> hypothesis = Optional.empty();
    Optional<RollbackStrategy> rollbacks = Optional.empty();
    DryMode dry;
    Duration frequency;

    static Options parse(RunCommand command, CommandLine commandLine) {
      Options options = new Options();
      try {
        options.vars = Vars.parse(command.vars, command.varFiles);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(commandLine, e.getMessage());
      }
      if (command.hypothesisStrategy != null) {
        options.hypothesis = Optional.of(HypothesisStrategy.fromName(command.hypothesisStrategy, false)
            .orElseThrow(() -> new CommandLine.ParameterException(commandLine, "unknown --hypothesis-strategy '"
                + command.hypothesisStrategy + "': expected default, before-method-only, after-method-only,"
                + " during-method-only or continuously")));
      }
      if (command.rollbackStrategy != null) {
        options.rollbacks = Optional.of(RollbackStrategy.fromName(command.rollbackStrategy)
            .orElseThrow(() -> new CommandLine.ParameterException(commandLine, "unknown --rollback-strategy '"
                + command.rollbackStrategy + "': expected default, always, never or deviated")));
      }
      if (command.dry != null) {
        options.dry = DryMode.fromName(command.dry).orElseThrow(() -> new CommandLine.ParameterException(
            commandLine, "unknown --dry mode '" + command.dry + "': expected probes, actions, activities or pause"));
      }
      if (!(command.hypothesisFrequency >= 0) || Double.isInfinite(command.hypothesisFrequency)) {
        throw new CommandLine.ParameterException(commandLine, "--hypothesis-frequency must be zero or more seconds");
      }
      options.frequency = Duration.ofNanos((long) (command.hypothesisFrequency * 1_000_000_000L));
      return options;
    }
  }
}
