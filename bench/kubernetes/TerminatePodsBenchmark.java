import io.chaosfn.activity.ActivityAudit;
import io.chaosfn.activity.ActivityContext;
import io.chaosfn.kubernetes.ApiCalls;
import io.chaosfn.kubernetes.GuardrailPolicy;
import io.chaosfn.kubernetes.KubernetesSupport;
import io.chaosfn.kubernetes.TestClusters;
import io.chaosfn.kubernetes.pod.TerminatePods;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * terminate_pods in a namespace of 10,000 pods of which 100 match, all 100 deleted, with a fixed latency added to
 * every response as a real API server 5-20 ms away would. Compares the bounded concurrent delete (the default)
 * with one-by-one deletes (concurrency 1, Chaos Toolkit's way) in the same run, on two servers: the fabric8 mock
 * in CRUD mode, and {@link ApiServerStandIn}, a purpose-built server whose own cost per request is negligible.
 * Run with {@code bench/kubernetes/run.sh}; prints medians of several runs as Markdown rows.
 */
public final class TerminatePodsBenchmark {
  private static final int POPULATION = 10_000;
  private static final int VICTIMS = 100;
  private static final int RUNS = 5;
  private static final int[] MODES = {KubernetesSupport.DEFAULT_DELETE_CONCURRENCY, 1};

  private TerminatePodsBenchmark() {}

  /** A server the benchmark can seed, slow down and count requests on. */
  private interface BenchServer extends AutoCloseable {
    String name();

    KubernetesClient client();

    void seed(String app, int count);

    void latency(long millis);

    int requestCount();

    @Override
    void close();
  }

  /** Adds {@code latency} to every response of the mock, without holding its event loop. */
  private static final class LatencyDispatcher extends Dispatcher {
    private final Dispatcher delegate;
    private final AtomicLong latencyMillis = new AtomicLong();

    LatencyDispatcher(Dispatcher delegate) {
      this.delegate = delegate;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      MockResponse response = delegate.dispatch(request);
      long latency = latencyMillis.get();
      return latency == 0 ? response : response.setBodyDelay(Duration.ofMillis(latency));
    }
  }

  /** The fabric8 kubernetes-server-mock in CRUD mode; seeded through the client, as tests seed it. */
  private static final class Fabric8Mock implements BenchServer {
    private final LatencyDispatcher dispatcher;
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    Fabric8Mock() {
      Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
      dispatcher = new LatencyDispatcher(new KubernetesMixedDispatcher(responses));
      server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
      server.init(InetAddress.getLoopbackAddress(), 0);
      client = withoutRetries(server.createClient().getConfiguration());
    }

    @Override
    public String name() {
      return "fabric8 mock (CRUD)";
    }

    @Override
    public KubernetesClient client() {
      return client;
    }

    @Override
    public void seed(String app, int count) {
      for (int i = 0; i < count; i++) {
        client.pods().inNamespace("bench").resource(pod(app, i)).create();
      }
    }

    @Override
    public void latency(long millis) {
      dispatcher.latencyMillis.set(millis);
    }

    @Override
    public int requestCount() {
      return server.getRequestCount();
    }

    @Override
    public void close() {
      client.close();
      server.destroy();
    }
  }

  /** {@link ApiServerStandIn}; seeded in memory, so seeding costs no requests. */
  private static final class StandIn implements BenchServer {
    private final ApiServerStandIn server;
    private final KubernetesClient client;

    StandIn() throws IOException {
      server = new ApiServerStandIn();
      client = withoutRetries(new ConfigBuilder(Config.empty()).withMasterUrl(server.url()).build());
    }

    @Override
    public String name() {
      return "stand-in (indexed, concurrent)";
    }

    @Override
    public KubernetesClient client() {
      return client;
    }

    @Override
    public void seed(String app, int count) {
      for (int i = 0; i < count; i++) {
        Pod pod = pod(app, i);
        server.add("bench", pod.getMetadata().getName(), pod.getMetadata().getLabels(),
            client.getKubernetesSerialization().asJson(pod));
      }
    }

    @Override
    public void latency(long millis) {
      server.latency(millis);
    }

    @Override
    public int requestCount() {
      return server.requestCount();
    }

    @Override
    public void close() {
      client.close();
      server.close();
    }
  }

  public static void main(String[] args) throws IOException {
    System.out.printf("namespace 'bench': %d pods, %d match app=victim; %d runs per cell after one warm-up, "
        + "medians%n", POPULATION, VICTIMS, RUNS);
    System.out.println("| server | added latency | mode | API calls | wall time (median) | speed-up |");
    System.out.println("|---|---|---|---|---|---|");
    try (BenchServer mock = new Fabric8Mock()) {
      measure(mock);
    }
    try (BenchServer standIn = new StandIn()) {
      measure(standIn);
    }
  }

  private static void measure(BenchServer server) {
    server.seed("bystander", POPULATION - VICTIMS);
    for (long latency : new long[] {0, 10}) {
      Map<Integer, List<Long>> times = new HashMap<>();
      Map<Integer, Integer> calls = new HashMap<>();
      for (int run = 0; run < RUNS + 1; run++) {
        for (int concurrency : MODES) {
          server.latency(0);
          server.seed("victim", VICTIMS);
          server.latency(latency);
          int before = server.requestCount();
          long start = System.nanoTime();
          JsonNode deleted = terminate(server.client(), concurrency);
          long millis = (System.nanoTime() - start) / 1_000_000;
          if (deleted.size() != VICTIMS) {
            throw new IllegalStateException("deleted " + deleted.size() + " pods, expected " + VICTIMS);
          }
          if (run > 0) {
            // run 0 warms the JIT and the connection pool for both modes and is not counted
            times.computeIfAbsent(concurrency, c -> new ArrayList<>()).add(millis);
            calls.put(concurrency, server.requestCount() - before);
          }
        }
      }
      double speedUp = (double) median(times.get(1)) / median(times.get(MODES[0]));
      for (int concurrency : MODES) {
        System.out.printf("| %s | %d ms | %s | %d | %,d ms | %s |%n", server.name(), latency,
            concurrency == 1 ? "one by one" : "concurrent, bound " + concurrency, calls.get(concurrency),
            median(times.get(concurrency)), concurrency == 1 ? "" : String.format("%.1f×", speedUp));
      }
    }
  }

  private static KubernetesClient withoutRetries(Config config) {
    return new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder(config).withRequestRetryBackoffLimit(0).build()).build();
  }

  private static Pod pod(String app, int i) {
    return TestClusters.pod(app + "-" + i, "bench", Map.of("app", app), TestClusters.NOW);
  }

  private static JsonNode terminate(KubernetesClient client, int concurrency) {
    KubernetesSupport support = new KubernetesSupport((secrets, env) -> client, ApiCalls.defaults(),
        new GuardrailPolicy(Set.of("*"), GuardrailPolicy.SYSTEM_NAMESPACES, VICTIMS), new Random(1), concurrency);
    ObjectNode arguments = JsonNodeFactory.instance.objectNode();
    arguments.put("label_selector", "app=victim");
    arguments.put("ns", "bench");
    arguments.put("all", true);
    ActivityContext context = new ActivityContext(JsonNodeFactory.instance.objectNode(),
        JsonNodeFactory.instance.objectNode(), Map.of(), ActivityAudit.NONE, TestClusters.CLOCK,
        MissingNode.getInstance(), false);
    return TerminatePods.terminatePods(support).call(arguments, context);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
