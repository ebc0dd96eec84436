package io.chaosfn.functions.cli;

import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.InvalidExperimentException;
import io.chaosfn.experiment.Problem;
import io.chaosfn.experiment.document.ChaosToolkitSettings;
import io.chaosfn.experiment.document.LoadedDocument;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chaosfn validate SOURCE}: one {@code path: message} line per problem; exit 1 when there is any. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check an experiment without running anything.")
final class ValidateCommand implements Callable<Integer> {
  private final CliEnvironment environment;
  private final PendingComponents components;

  @Mixin
  DocumentOptions document = new DocumentOptions();

  ValidateCommand(CliEnvironment environment, PendingComponents components) {
    this.environment = environment;
    this.components = components;
  }

  @Override
  public Integer call() {
    CliComponents components = this.components.get();
    ChaosToolkitSettings settings = document.settings(environment);
    try {
      LoadedDocument loaded = document.load(environment, settings);
      Experiment experiment = DocumentOptions.parseValid(components.parser(), loaded, environment.variables());
      experiment.warnings().forEach(w -> environment.err().println("warning: " + w));
      environment.out().println(loaded.origin() + ": valid");
      return 0;
    } catch (InvalidExperimentException e) {
      for (Problem problem : e.problems()) {
        environment.out().println(problem);
      }
      environment.err().println(document.source + ": " + e.problems().size() + " problem"
          + (e.problems().size() == 1 ? "" : "s") + "; nothing was run");
      return 1;
    }
  }
}
