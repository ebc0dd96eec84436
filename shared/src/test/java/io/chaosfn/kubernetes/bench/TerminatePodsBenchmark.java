package io.chaosfn.kubernetes.bench;

import io.chaosfn.activity.ActivityAudit;
import io.chaosfn.activity.ActivityContext;
import io.chaosfn.kubernetes.ApiCalls;
import io.chaosfn.kubernetes.GuardrailPolicy;
import io.chaosfn.kubernetes.KubernetesSupport;
import io.chaosfn.kubernetes.TestClusters;
import io.chaosfn.kubernetes.pod.TerminatePods;
import io.fabric8.kubernetes.api.model.Pod;
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
 * terminate_pods in a namespace of 10,000 pods of which 100 match, all 100 deleted, on the fabric8 mock API
 * server (CRUD mode) with a fixed latency added to every response, as a real API server 5-20 ms away would.
 * Compares the bounded concurrent delete (the default) with one-by-one deletes (concurrency 1, Chaos Toolkit's
 * way) in the same run. Run with {@code bench/kubernetes/run.sh}; prints medians of several runs.
 */
public final class TerminatePodsBenchmark {
  private static final int POPULATION = 10_000;
  private static final int VICTIMS = 100;
  private static final int RUNS = 5;

  private TerminatePodsBenchmark() {}

  /** Adds {@code latency} to every response, without holding the server's event loop. */
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

  public static void main(String[] args) {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    LatencyDispatcher dispatcher = new LatencyDispatcher(new KubernetesMixedDispatcher(responses));
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher,
        false);
    try {
      server.init(InetAddress.getLoopbackAddress(), 0);
      KubernetesClient client = new KubernetesClientBuilder().withConfig(
          new ConfigBuilder(server.createClient().getConfiguration()).withRequestRetryBackoffLimit(0).build()).build();
      seed(client, "bystander", POPULATION - VICTIMS);
      System.out.printf("namespace 'bench': %d pods, %d match app=victim; %d runs per cell, medians%n",
          POPULATION, VICTIMS, RUNS);
      System.out.println("| latency | mode | API calls | wall time (ms) |");
      System.out.println("|---|---|---|---|");
      for (long latency : new long[] {0, 10}) {
        Map<Integer, List<Long>> times = new HashMap<>();
        Map<Integer, Integer> calls = new HashMap<>();
        for (int run = 0; run < RUNS + 1; run++) {
          for (int concurrency : new int[] {KubernetesSupport.DEFAULT_DELETE_CONCURRENCY, 1}) {
            dispatcher.latencyMillis.set(0);
            seed(client, "victim", VICTIMS);
            dispatcher.latencyMillis.set(latency);
            int before = server.getRequestCount();
            long start = System.nanoTime();
            JsonNode deleted = terminate(client, concurrency);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (deleted.size() != VICTIMS) {
              throw new IllegalStateException("deleted " + deleted.size() + " pods, expected " + VICTIMS);
            }
            if (run > 0) {
              // run 0 warms the JIT and the connection pool for both modes and is not counted
              times.computeIfAbsent(concurrency, c -> new ArrayList<>()).add(millis);
              calls.put(concurrency, server.getRequestCount() - before);
            }
          }
        }
        for (int concurrency : new int[] {KubernetesSupport.DEFAULT_DELETE_CONCURRENCY, 1}) {
          System.out.printf("| %d ms | %s | %d | %d |%n", latency,
              concurrency == 1 ? "one by one" : "concurrent (" + concurrency + ")", calls.get(concurrency),
              median(times.get(concurrency)));
        }
        System.out.printf("speed-up at %d ms: %.1fx%n", latency,
            (double) median(times.get(1)) / median(times.get(KubernetesSupport.DEFAULT_DELETE_CONCURRENCY)));
      }
      client.close();
    } finally {
      server.destroy();
    }
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

  private static void seed(KubernetesClient client, String app, int count) {
    for (int i = 0; i < count; i++) {
      Pod pod = TestClusters.pod(app + "-" + i, "bench", Map.of("app", app), TestClusters.NOW);
      client.pods().inNamespace("bench").resource(pod).create();
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
