import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark code only, never used by tests: a purpose-built stand-in for the Kubernetes API server's pod
 * endpoints, so the terminate_pods benchmark measures the client rather than the fabric8 mock's per-request cost
 * (the mock scans its whole store on every delete, serially, about 20 ms of CPU per request at 10,000 pods).
 *
 * <p>It answers exactly two requests, as the API server does for them: {@code GET
 * /api/v1/namespaces/{ns}/pods[?labelSelector=k=v[,k2=v2]]} (equality-based selectors only, answered from a
 * label index, items in name order) and {@code DELETE /api/v1/namespaces/{ns}/pods/{name}} (O(1), answered
 * with a {@code Status}); anything else is 404 or 400. Every response is held back by a fixed added latency
 * on the handler thread, and handlers run on a pool, so concurrent requests overlap as they would on a real
 * API server a network hop away.
 */
final class ApiServerStandIn implements AutoCloseable {
  private static final int HANDLER_THREADS = 32;

  /** A stored pod: its JSON as the API would return it, and its labels for the index. */
  private record StoredPod(String json, Map<String, String> labels) {}

  private final ConcurrentMap<String, ConcurrentSkipListMap<String, StoredPod>> pods = new ConcurrentHashMap<>();
  /** namespace → "key=value" → names of the pods carrying that label. */
  private final ConcurrentMap<String, ConcurrentMap<String, NavigableSet<String>>> index = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong latencyMillis = new AtomicLong();
  private final ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS);
  private final HttpServer server;

  ApiServerStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.setExecutor(handlers);
    server.createContext("/api/v1/namespaces/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int requestCount() {
    return requests.get();
  }

  void latency(long millis) {
    latencyMillis.set(millis);
  }

  /** Stores a pod directly, as if it had been created; {@code json} is what the list returns for it. */
  void add(String namespace, String name, Map<String, String> labels, String json) {
    pods.computeIfAbsent(namespace, ns -> new ConcurrentSkipListMap<>()).put(name, new StoredPod(json, labels));
    ConcurrentMap<String, NavigableSet<String>> labelIndex =
        index.computeIfAbsent(namespace, ns -> new ConcurrentHashMap<>());
    labels.forEach((k, v) -> labelIndex.computeIfAbsent(k + "=" + v, l -> new ConcurrentSkipListSet<>()).add(name));
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      pause();
      String[] path = exchange.getRequestURI().getPath().split("/");
      // "", "api", "v1", "namespaces", ns, "pods"[, name]
      if (path.length == 6 && path[5].equals("pods") && exchange.getRequestMethod().equals("GET")) {
        list(exchange, path[4], exchange.getRequestURI().getRawQuery());
      } else if (path.length == 7 && path[5].equals("pods") && exchange.getRequestMethod().equals("DELETE")) {
        delete(exchange, path[4], path[6]);
      } else {
        send(exchange, 404, status(404, "NotFound", "the stand-in serves pod list and delete only"));
      }
    }
  }

  private void pause() {
    long millis = latencyMillis.get();
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void list(HttpExchange exchange, String namespace, String rawQuery) throws IOException {
    Map<String, StoredPod> inNamespace = pods.getOrDefault(namespace, new ConcurrentSkipListMap<>());
    List<String> requirements = new ArrayList<>();
    if (rawQuery != null) {
      for (String parameter : rawQuery.split("&")) {
        if (parameter.startsWith("labelSelector=")) {
          String selector = URLDecoder.decode(parameter.substring("labelSelector=".length()), StandardCharsets.UTF_8);
          for (String term : selector.split(",")) {
            String[] kv = term.replace("==", "=").split("=", -1);
            if (kv.length != 2 || kv[0].isBlank() || kv[0].endsWith("!")) {
              send(exchange, 400, status(400, "BadRequest", "the stand-in supports k=v selectors only: " + term));
              return;
            }
            requirements.add(kv[0].trim() + "=" + kv[1].trim());
          }
        }
      }
    }
    StringBuilder body = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"metadata\":"
        + "{\"resourceVersion\":\"1\"},\"items\":[");
    boolean first = true;
    for (String name : names(namespace, inNamespace.keySet(), requirements)) {
      StoredPod pod = inNamespace.get(name);
      if (pod != null) {
        body.append(first ? "" : ",").append(pod.json());
        first = false;
      }
    }
    send(exchange, 200, body.append("]}").toString());
  }

  /** The names satisfying every requirement: the smallest index set, filtered by the others' labels. */
  private Set<String> names(String namespace, Set<String> all, List<String> requirements) {
    if (requirements.isEmpty()) {
      return all;
    }
    Map<String, NavigableSet<String>> labelIndex = index.getOrDefault(namespace, new ConcurrentHashMap<>());
    NavigableSet<String> smallest = null;
    for (String requirement : requirements) {
      NavigableSet<String> candidates = labelIndex.getOrDefault(requirement, new ConcurrentSkipListSet<>());
      if (smallest == null || candidates.size() < smallest.size()) {
        smallest = candidates;
      }
    }
    NavigableSet<String> result = new ConcurrentSkipListSet<>();
    for (String name : smallest) {
      if (requirements.stream().allMatch(r -> labelIndex.getOrDefault(r, new ConcurrentSkipListSet<>()).contains(name))) {
        result.add(name);
      }
    }
    return result;
  }

  private void delete(HttpExchange exchange, String namespace, String name) throws IOException {
    ConcurrentSkipListMap<String, StoredPod> inNamespace = pods.get(namespace);
    StoredPod removed = inNamespace == null ? null : inNamespace.remove(name);
    if (removed == null) {
      send(exchange, 404, status(404, "NotFound", "pods \"" + name + "\" not found"));
      return;
    }
    ConcurrentMap<String, NavigableSet<String>> labelIndex = index.get(namespace);
    removed.labels().forEach((k, v) -> labelIndex.getOrDefault(k + "=" + v, new ConcurrentSkipListSet<>()).remove(name));
    send(exchange, 200, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Success\","
        + "\"details\":{\"name\":\"" + name + "\",\"kind\":\"pods\"}}");
  }

  private static String status(int code, String reason, String message) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\""
        + message.replace("\"", "\\\"") + "\",\"reason\":\"" + reason + "\",\"code\":" + code + "}";
  }

  private static void send(HttpExchange exchange, int code, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
