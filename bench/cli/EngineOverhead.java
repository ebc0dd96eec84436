import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.ActivityRegistry;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.activity.Parameter;
import io.chaosfn.activity.Providers;
import io.chaosfn.activity.PythonProvider;
import io.chaosfn.engine.RunContext;
import io.chaosfn.engine.Runner;
import io.chaosfn.engine.Sleeper;
import io.chaosfn.engine.StopSignal;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.JournalCodec;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.ExperimentParser;
import io.chaosfn.experiment.HypothesisStrategy;
import io.chaosfn.experiment.RollbackStrategy;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The engine's own cost per activity, in one JVM: runs experiments of BASE and BASE + 200 no-op native probes
 * (the {@code python} provider, resolved through the registry, so substitution, the provider dispatch, timing
 * and journal items are all paid) and divides the difference by 200. Reports the very first run (classes
 * loading), the next run of each size (cold: interpreted code) and the median of the measured runs after the
 * warm-up, once for
 * {@code Runner.run} alone and once with the journal encoded as the CLI writes it.
 *
 * <p>Usage: {@code java -cp chaosfn.jar:. EngineOverhead [WARMUP] [RUNS]}
 */
public final class EngineOverhead {
  private static final int BASE = 10;
  private static final int EXTRA = 200;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private EngineOverhead() {}

  public static void main(String[] args) {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 101;
    ActivityRegistry registry = ActivityRegistry.builder().add(new NoOp()).build();
    Providers providers = new Providers(List.of(new PythonProvider(registry)));
    ExperimentParser parser = new ExperimentParser(providers, java.util.Map.of());
    Experiment small = parser.parse(document(BASE));
    Experiment large = parser.parse(document(BASE + EXTRA));

    long first = timeRun(small, providers, true);
    long coldSmall = timeRun(small, providers, true);
    long coldLarge = timeRun(large, providers, true);
    System.out.printf("first run in this JVM (%d activities, journal encoded, classes loading): %.2f ms%n", BASE,
        first / 1e6);
    System.out.printf("cold (the next runs, journal encoded, not yet compiled): %d activities %.2f ms, %d activities"
        + " %.2f ms -> %.3f ms/activity%n", BASE, coldSmall / 1e6, BASE + EXTRA, coldLarge / 1e6,
        (coldLarge - coldSmall) / 1e6 / EXTRA);
    for (int i = 0; i < warmup; i++) {
      timeRun(small, providers, true);
      timeRun(large, providers, true);
    }
    for (boolean encode : new boolean[] {false, true}) {
      long[] smallTimes = new long[runs];
      long[] largeTimes = new long[runs];
      for (int i = 0; i < runs; i++) {
        smallTimes[i] = timeRun(small, providers, encode);
        largeTimes[i] = timeRun(large, providers, encode);
      }
      long smallMedian = median(smallTimes);
      long largeMedian = median(largeTimes);
      System.out.printf("warm (median of %d after %d warm-ups, %s): %d activities %.3f ms, %d activities %.3f ms"
          + " -> %.4f ms/activity%n", runs, warmup, encode ? "Runner.run + journal encoded" : "Runner.run only",
          BASE, smallMedian / 1e6, BASE + EXTRA, largeMedian / 1e6, (largeMedian - smallMedian) / 1e6 / EXTRA);
    }
  }

  private static long timeRun(Experiment experiment, Providers providers, boolean encode) {
    long start = System.nanoTime();
    Journal journal = new Runner(List.of()).run(context(experiment, providers));
    if (!journal.succeeded()) {
      throw new IllegalStateException("the benchmark experiment did not complete: " + journal.status());
    }
    if (encode && JournalCodec.write(journal).length == 0) {
      throw new IllegalStateException("empty journal");
    }
    return System.nanoTime() - start;
  }

  private static RunContext context(Experiment experiment, Providers providers) {
    return new RunContext(experiment, NODES.objectNode(), NODES.objectNode(), Map.of(), providers, null,
        HypothesisStrategy.DEFAULT, RollbackStrategy.DEFAULT, Duration.ofSeconds(1), false, null, null, List.of(),
        new StopSignal(), Clock.systemUTC(), Sleeper.REAL, new RunContext.Host("bench", "bench"),
        new RunContext.RunIdentity("bench", Trigger.cli(), null), RunContext.SecretRedaction.NONE);
  }

  private static ObjectNode document(int probes) {
    ObjectNode document = NODES.objectNode();
    document.put("title", probes + " no-op probes");
    document.put("description", "engine overhead benchmark");
    ArrayNode method = document.putArray("method");
    for (int i = 0; i < probes; i++) {
      ObjectNode probe = method.addObject();
      probe.put("type", "probe");
      probe.put("name", "noop-" + i);
      ObjectNode provider = probe.putObject("provider");
      provider.put("type", "python");
      provider.put("module", "bench.noop");
      provider.put("func", "noop");
    }
    return document;
  }

  private static long median(long[] times) {
    long[] sorted = times.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** A native activity that does nothing, so only the engine's work is measured. */
  private static final class NoOp implements NativeActivity {
    @Override
    public String module() {
      return "bench.noop";
    }

    @Override
    public String func() {
      return "noop";
    }

    @Override
    public List<Parameter> parameters() {
      return List.of();
    }

    @Override
    public JsonNode call(ObjectNode arguments, ActivityContext context) {
      return NODES.booleanNode(true);
    }
  }
}
