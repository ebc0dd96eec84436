import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.process.ProcessProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Milliseconds per process probe running {@code /usr/bin/true}, in one JVM, three ways interleaved round by round:
 *
 * <ul>
 *   <li>{@code spawn-only}: start and wait with both streams discarded, the floor the operating system sets;
 *   <li>{@code two-new-threads}: start, then one new reader thread per stream (how the provider captured output
 *       before its readers were pooled);
 *   <li>{@code provider}: {@link ProcessProvider#run}, the code every process probe goes through.
 * </ul>
 *
 * <p>Usage: {@code ProcessProbeBenchmark ROUNDS PROBES}; prints the median of ROUNDS per way, after one warm-up
 * round.
 */
public final class ProcessProbeBenchmark {
  private static final String TRUE = "/usr/bin/true";

  private ProcessProbeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    int probes = Integer.parseInt(args[1]);
    Map<String, String> environment = Map.of("PATH", "/usr/bin:/bin");
    ProcessProvider provider = new ProcessProvider(environment);
    ActivityContext context = new ActivityContext(JsonNodeFactory.instance.objectNode(),
        JsonNodeFactory.instance.objectNode(), environment, (key, value) -> { }, Clock.systemUTC(),
        MissingNode.getInstance(), false);
    ObjectNode probe = JsonNodeFactory.instance.objectNode().put("type", "process").put("path", TRUE);

    Map<String, Way> ways = Map.of(
        "spawn-only", ProcessProbeBenchmark::spawnOnly,
        "two-new-threads", ProcessProbeBenchmark::twoNewThreads,
        "provider", () -> provider.run(probe, context));
    List<String> order = List.of("spawn-only", "two-new-threads", "provider");
    Map<String, List<Double>> perProbe = new java.util.HashMap<>();
    for (int round = -1; round < rounds; round++) {
      for (String name : order) {
        long start = System.nanoTime();
        for (int i = 0; i < probes; i++) {
          ways.get(name).probe();
        }
        double millis = (System.nanoTime() - start) / 1e6 / probes;
        if (round >= 0) {
          perProbe.computeIfAbsent(name, k -> new ArrayList<>()).add(millis);
        }
      }
    }
    double floor = median(perProbe.get("spawn-only"));
    System.out.printf("%-16s %16s %10s%n", "way", "ms/probe median", "x spawn");
    for (String name : order) {
      double value = median(perProbe.get(name));
      System.out.printf("%-16s %16.2f %10.2f%n", name, value, value / floor);
    }
  }

  private interface Way {
    void probe() throws Exception;
  }

  private static void spawnOnly() throws Exception {
    new ProcessBuilder(TRUE)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
  }

  private static void twoNewThreads() throws Exception {
    Process process = new ProcessBuilder(TRUE).start();
    process.getOutputStream().close();
    Thread out = reader(process.getInputStream());
    Thread err = reader(process.getErrorStream());
    process.waitFor();
    out.join();
    err.join();
  }

  private static Thread reader(InputStream in) {
    Thread thread = new Thread(() -> {
      try (in) {
        in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
