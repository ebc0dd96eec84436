package io.chaosfn.functions.cli;

import io.chaosfn.engine.journal.JournalCodec;
import io.chaosfn.store.ExperimentHistory;
import io.chaosfn.store.ExperimentSummary;
import io.chaosfn.store.JournalStore;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.RunQuery;
import io.chaosfn.store.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code chaosfn journals list|show|summary}: questions about past runs, over the same store runs write to. */
@Command(name = "journals", mixinStandardHelpOptions = true, description = "Query past runs.",
    subcommands = {JournalsCommand.List.class, JournalsCommand.Show.class, JournalsCommand.Summary.class})
final class JournalsCommand implements Runnable {
  private final CliEnvironment environment;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--store", paramLabel = "dir:PATH|dynamodb:TABLE", scope = CommandLine.ScopeType.INHERIT,
      description = "Where runs are kept: a directory or a DynamoDB table (default dir:~/.chaosfn/journals,"
          + " or $CHAOSFN_STORE).")
  String store;

  JournalsCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list, show or summary");
  }

  JournalStore store(CommandLine commandLine) {
    return JournalStores.open(store, environment, commandLine);
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Runs, newest first.")
  static final class List implements Callable<Integer> {
    @CommandLine.ParentCommand
    JournalsCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--experiment", paramLabel = "ID", description = "Only this experiment's runs.")
    String experiment;

    @Option(names = "--outcome", paramLabel = "OUTCOME",
        description = "completed, deviated, failed, aborted, interrupted, skipped, invalid or in_progress.")
    String outcome;

    @Option(names = "--limit", defaultValue = "20", description = "At most this many runs (1-100, default 20).")
    int limit;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
      CommandLine commandLine = spec.commandLine();
      Outcome wanted = outcome == null ? null : Outcome.fromWireName(outcome).orElseThrow(() ->
          new CommandLine.ParameterException(commandLine, "unknown --outcome '" + outcome + "'"));
      if (limit < 1 || limit > RunQuery.MAX_LIMIT) {
        throw new CommandLine.ParameterException(commandLine, "--limit must be between 1 and " + RunQuery.MAX_LIMIT);
      }
      JournalStore store = parent.store(commandLine);
      java.util.List<RunRecord> runs = new ArrayList<>();
      if (experiment == null && wanted == null) {
        for (ExperimentSummary summary : store.experiments()) {
          runs.addAll(store.runs(RunQuery.ofExperiment(summary.experimentId(), limit)).items());
        }
        runs.sort((a, b) -> b.runId().compareTo(a.runId()));
        runs = runs.subList(0, Math.min(limit, runs.size()));
      } else {
        runs.addAll(store.runs(new RunQuery(experiment, wanted, null, null, null, null, limit, null)).items());
      }
      CliEnvironment environment = parent.environment;
      if (json) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        runs.forEach(run -> array.add(toJson(run)));
        environment.out().println(JournalCodec.pretty(array));
      } else {
        environment.out().println(String.format(Locale.ROOT, "%-26s  %-28s  %-11s  %-9s  %s", "RUN", "EXPERIMENT",
            "OUTCOME", "TRIGGER", "STARTED"));
        for (RunRecord run : runs) {
          environment.out().println(String.format(Locale.ROOT, "%-26s  %-28s  %-11s  %-9s  %s", run.runId(),
              run.experimentId(), run.outcome().wireName(), run.trigger().type(), run.startedAt()));
        }
      }
      return 0;
    }

    private static ObjectNode toJson(RunRecord run) {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      json.put("run_id", run.runId()).put("experiment_id", run.experimentId()).put("outcome", run.outcome().wireName())
          .put("title", run.title()).put("started_at", run.startedAt().toString());
      json.set("trigger", run.trigger().toJson());
      if (run.endedAt() != null) {
        json.put("ended_at", run.endedAt().toString());
      }
      return json;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "The full journal of one run.")
  static final class Show implements Callable<Integer> {
    @CommandLine.ParentCommand
    JournalsCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_ID")
    String runId;

    @Override
    public Integer call() {
      Optional<RunRecord> run = parent.store(spec.commandLine()).get(runId);
      if (run.isEmpty()) {
        parent.environment.err().println("chaosfn: no run " + runId);
        return 1;
      }
      if (run.get().journal() == null) {
        parent.environment.out().println(run.get().outcome().wireName() + ": "
            + Optional.ofNullable(run.get().reason()).orElse("no journal"));
        run.get().problems().forEach(p -> parent.environment.out().println(p));
        return 0;
      }
      parent.environment.out().println(new String(JournalCodec.write(run.get().journal()),
          java.nio.charset.StandardCharsets.UTF_8));
      return 0;
    }
  }

  @Command(name = "summary", mixinStandardHelpOptions = true,
      description = "Success rate, streak, last deviation and the revision at which the outcome last changed.")
  static final class Summary implements Callable<Integer> {
    @CommandLine.ParentCommand
    JournalsCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT_ID")
    String experimentId;

    @Override
    public Integer call() {
      // The store keeps the history materialised (the META item on DynamoDB): one read, however many runs.
      Optional<ExperimentHistory> found = parent.store(spec.commandLine()).history(experimentId);
      if (found.isEmpty()) {
        parent.environment.err().println("chaosfn: no runs of experiment " + experimentId);
        return 1;
      }
      ExperimentHistory history = found.get();
      var out = parent.environment.out();
      out.println("experiment:        " + experimentId + (history.title() == null ? "" : " (" + history.title() + ")"));
      out.println("runs executed:     " + history.executedRuns());
      history.successRate().ifPresent(rate ->
          out.println("success rate:      " + String.format(Locale.ROOT, "%.1f%%", rate * 100)));
      if (history.streak() != null) {
        out.println("current streak:    " + history.streak().outcome().wireName() + " x" + history.streak().length());
      }
      if (history.lastDeviation() != null) {
        out.println("last deviation:    " + history.lastDeviation().runId() + " at " + history.lastDeviation().startedAt());
      }
      out.println("changed at:        " + Optional.ofNullable(history.revisionAtLastChange()).orElse("(no revision)"));
      return 0;
    }
  }
}
