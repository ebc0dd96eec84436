package io.chaosfn.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * {@code java -jar sandbox/target/chaosfn-sandbox.jar}, from the repository's root: starts the {@link LocalSystem},
 * plays the {@link SeedStory}, stops everything (also on Ctrl-C, through a shutdown hook) and exits 0 when the
 * story came out as the seed tells it, 1 otherwise.
 */
public final class Sandbox {
  private static final String SIMULATED = """
      chaosfn sandbox: the seed story on this machine.
        real:      the RunExperiment, Webhook and JournalApi handlers with their real event shapes, the engine,
                   the journal store on dynalite, the experiments on s3proxy, the fabric8 mock Kubernetes API server
        simulated: Patroni's failover, the frontend-app rollout (the API server runs no controllers), the frontend
                   service, Slack (messages are printed), and the routing of EventBridge, Scheduler and Secrets
                   Manager (stand-ins in this JVM)
      """;

  private Sandbox() {}

  public static void main(String[] args) {
    System.exit(run(nodeProject(), System.out::println));
  }

  /** Plays the story once; every local service is stopped before this returns. */
  static int run(Path nodeProject, Consumer<String> say) {
    say.accept(SIMULATED);
    long started = System.nanoTime();
    try (LocalSystem system = new LocalSystem(nodeProject, say)) {
      Thread hook = new Thread(system::close, "sandbox-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        SeedStory.Result result = new SeedStory(system, system.components(), say).play();
        List<String> surprises = surprises(result, system.slack.messages());
        say.accept("\nfinished in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        surprises.forEach(s -> say.accept("NOT AS EXPECTED: " + s));
        if (surprises.isEmpty()) {
          say.accept("as expected: the scheduled run deviated, the run after the deploy of " + SeedStory.REVISION
              + " held, and the summary names that revision");
        }
        return surprises.isEmpty() ? 0 : 1;
      } finally {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    } catch (Exception e) {
      say.accept("the sandbox failed: " + e);
      return 1;
    }
  }

  /** Where the story departs from the seed; empty when it does not. */
  static List<String> surprises(SeedStory.Result result, List<PrintingSlack.Message> slack) {
    List<String> surprises = new ArrayList<>();
    if (!result.scheduledRun().path("deviated").asBoolean(false)) {
      surprises.add("the scheduled run did not deviate: " + result.scheduledRun());
    }
    if (result.webhookStatus() != 202) {
      surprises.add("the webhook answered " + result.webhookStatus() + ", not 202");
    }
    if (result.deployRun() == null || !"completed".equals(result.deployRun().path("outcome").asString(""))) {
      surprises.add("the run after the deploy did not complete: " + result.deployRun());
    }
    if (result.runs().path("runs").size() != 2) {
      surprises.add("the journal API lists " + result.runs().path("runs").size() + " runs, not 2");
    }
    JsonNode revision = result.summary().path("revision_at_last_change");
    if (!SeedStory.REVISION.equals(revision.asString(""))) {
      surprises.add("the summary's revision at last change is " + revision + ", not " + SeedStory.REVISION);
    }
    for (JsonNode run : List.of(result.scheduledRun(), result.deployRun() == null ? result.scheduledRun()
        : result.deployRun())) {
      String runId = run.path("run_id").asString("");
      if (slack.stream().noneMatch(m -> m.text().contains(runId))) {
        surprises.add("Slack got no message naming run " + runId);
      }
    }
    return surprises;
  }

  /** {@code infrastructure/local} from the repository's root (run.sh) or from a module (the tests). */
  static Path nodeProject() {
    Path fromRoot = Path.of("infrastructure", "local");
    return Files.isDirectory(fromRoot) ? fromRoot : Path.of("..", "infrastructure", "local");
  }
}
