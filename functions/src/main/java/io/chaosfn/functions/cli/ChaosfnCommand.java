package io.chaosfn.functions.cli;

import io.chaosfn.ChaosfnException;
import io.chaosfn.ChaosfnVersion;
import io.chaosfn.activity.NativeActivities;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code chaosfn}: run and validate Chaos Toolkit experiments, and query past runs. Exit codes (decisions.md
 * §3): 0 completed and not deviated; 1 any other outcome or an invalid document; 2 a usage error.
 */
@Command(name = "chaosfn", mixinStandardHelpOptions = true, versionProvider = ChaosfnCommand.Version.class,
    subcommands = {RunCommand.class, ValidateCommand.class, JournalsCommand.class},
    description = "Chaos Toolkit experiments, run continuously.")
public final class ChaosfnCommand implements Runnable {
  private static final NativeActivities NO_EXTRA_ACTIVITIES = java.util.List::of;
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args, new CliEnvironment(System.getenv(), System.out, System.err)));
  }

  /** Runs the CLI and returns its exit code; tests call this with their own streams and environment. */
  public static int execute(String[] args, CliEnvironment environment) {
    return execute(args, environment, NO_EXTRA_ACTIVITIES);
  }

  /**
   * Runs the CLI with native activities added to the registry: the seam through which tests register stand-ins
   * for Python functions (decisions.md §5). The production entry point adds none.
   */
  public static int execute(String[] args, CliEnvironment environment, NativeActivities extraActivities) {
    PendingComponents components = PendingComponents.start(environment, extraActivities);
    CommandLine commandLine = new CommandLine(new ChaosfnCommand(), new Factory(environment, components));
    commandLine.setOut(new PrintWriter(environment.out(), true));
    commandLine.setErr(new PrintWriter(environment.err(), true));
    commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      String message = e instanceof ChaosfnException ? ((ChaosfnException) e).userMessage() : e.toString();
      environment.err().println("chaosfn: " + message);
      return 1;
    });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, validate or journals");
  }

  /** Gives every command the same environment, so tests never touch the real one. */
  private static final class Factory implements CommandLine.IFactory {
    private final CliEnvironment environment;
    private final PendingComponents components;

    Factory(CliEnvironment environment, PendingComponents components) {
      this.environment = environment;
      this.components = components;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == RunCommand.class) {
        return type.cast(new RunCommand(environment, components));
      }
      if (type == ValidateCommand.class) {
        return type.cast(new ValidateCommand(environment, components));
      }
      if (type == JournalsCommand.class) {
        return type.cast(new JournalsCommand(environment));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"chaosfn " + ChaosfnVersion.current()};
    }
  }
}
