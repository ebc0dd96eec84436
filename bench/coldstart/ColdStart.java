import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chaosfn.local.DynaliteProcess;
import io.chaosfn.store.dynamodb.DynamoDbTables;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold start of each handler through the Lambda Runtime Interface Client, against a Runtime API stand-in (a JDK
 * HttpServer speaking the Runtime API, not Lambda; decisions.md §5): for each round and each handler, a new JVM
 * runs {@code AWSLambda <handler>}, the stand-in hands it one event on {@code /next}, and the time from process
 * start to the response (or error) POST is recorded; then the JVM is stopped. A hello-world handler on a
 * classpath of the runtime client alone runs in the same rounds. DynamoDB is dynalite on loopback.
 *
 * <p>Usage: {@code java -cp <chaosfn.jar> ColdStart <rounds> <root> <ric classpath> <hello classpath> <bench
 * classes>}; prints a Markdown table of medians.
 */
public final class ColdStart {
  private static final String API = "/2018-06-01/runtime/invocation/";

  /**
   * Events for the JVM being measured. A stopped JVM's last {@code /next} request is still waiting here; the
   * generation tells it apart from the new JVM's, so it never takes the new event.
   */
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private volatile long generation;
  private final BlockingQueue<String> answers = new ArrayBlockingQueue<>(1);
  private int requestCounter;

  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    Path root = Path.of(args[1]);
    new ColdStart().run(rounds, root, args[2], args[3], args[4]);
  }

  private void run(int rounds, Path root, String ricClasspath, String helloClasspath, String benchClasses)
      throws Exception {
    HttpServer runtime = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    try (DynaliteProcess dynalite = DynaliteProcess.start(root.resolve("infrastructure/local"))) {
      int dynamoPort = dynalite.endpoint().getPort();
      createTable(dynamoPort);
      runtime.createContext("/", this::runtimeApi);
      runtime.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
      runtime.start();
      String jar = root.resolve("functions/target/chaosfn.jar").toString();
      String functions = ricClasspath + ":" + jar;
      Map<String, String> common = Map.of(
          "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
          "CHAOSFN_TABLE", "chaosfn", "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + dynamoPort,
          "CHAOSFN_SCHEDULE_TARGET_ARN", "arn:aws:lambda:us-east-1:000000000000:function:run",
          "CHAOSFN_SCHEDULER_ROLE_ARN", "arn:aws:iam::000000000000:role/scheduler",
          "CHAOSFN_WEBHOOK_SECRET_ID", "webhook", "CHAOSFN_EXPERIMENTS_BUCKET", "experiments");
      Map<String, Target> targets = new LinkedHashMap<>();
      targets.put("hello world", new Target(helloClasspath + ":" + benchClasses, "HelloHandler", "{}"));
      targets.put("JournalApi", new Target(functions, "io.chaosfn.functions.JournalApiHandler",
          httpEvent("GET", "/experiments", "")));
      targets.put("Webhook", new Target(functions, "io.chaosfn.functions.WebhookHandler",
          httpEvent("GET", "/webhook/flux", "")));
      targets.put("ScheduleSync", new Target(functions, "io.chaosfn.functions.ScheduleSyncHandler", """
          {"version": "0", "id": "e-1", "detail-type": "Object Created", "source": "aws.s3",
           "detail": {"bucket": {"name": "experiments"}, "object": {"key": "experiments/README.md"}}}"""));
      targets.put("Sweeper", new Target(functions, "io.chaosfn.functions.SweeperHandler", """
          {"version": "0", "id": "e-2", "detail-type": "Scheduled Event", "source": "aws.events", "detail": {}}"""));
      targets.put("RunExperiment", new Target(functions, "io.chaosfn.functions.RunExperimentHandler",
          "{\"trigger\": {\"type\": \"invoke\"}}"));
      Map<String, List<Long>> times = new LinkedHashMap<>();
      Map<String, String> lastAnswer = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (Map.Entry<String, Target> target : targets.entrySet()) {
          Measurement measurement = measure(target.getValue(), common, runtime.getAddress().getPort());
          times.computeIfAbsent(target.getKey(), k -> new ArrayList<>()).add(measurement.millis());
          lastAnswer.put(target.getKey(), measurement.answer());
        }
      }
      report(times, lastAnswer);
    } finally {
      runtime.stop(0);
    }
  }

  private record Target(String classpath, String handler, String event) {}

  private record Event(long generation, String json) {}

  private record Measurement(long millis, String answer) {}

  private Measurement measure(Target target, Map<String, String> common, int port) throws Exception {
    answers.clear();
    Path log = Files.createTempFile("coldstart", ".log");
    // As Lambda's java21 runtime does: tiered compilation stops at C1 (lambda-engineering.md §1.2).
    ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-cp", target.classpath(),
        "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", target.handler())).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(common);
    builder.environment().putAll(Map.of("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + port,
        "AWS_LAMBDA_FUNCTION_NAME", "bench", "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024", "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/bench",
        "AWS_LAMBDA_LOG_STREAM_NAME", "bench"));
    long current = ++generation;
    events.put(new Event(current, target.event()));
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      String answer = answers.poll(60, TimeUnit.SECONDS);
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (answer == null) {
        throw new IllegalStateException(target.handler() + " never answered:\n" + Files.readString(log));
      }
      return new Measurement(millis, answer);
    } finally {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      Files.delete(log);
    }
  }

  /** {@code GET next} blocks until the measurement offers an event; response and error POSTs end it. */
  private void runtimeApi(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (exchange.getRequestMethod().equals("GET") && path.equals(API + "next")) {
        Event event = nextEvent(generation);
        if (event == null) {
          exchange.sendResponseHeaders(500, -1);
          return;
        }
        byte[] body = event.json().getBytes(StandardCharsets.UTF_8);
        // The runtime client's native part crashes on a /next answer without a Content-Type.
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "bench-" + (++requestCounter));
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
            Long.toString(System.currentTimeMillis() + 30_000));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
            "arn:aws:lambda:us-east-1:000000000000:function:bench");
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String kind = path.endsWith("/response") ? "response" : "error";
      answers.offer(kind + ": " + body);
      exchange.sendResponseHeaders(202, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The event of generation {@code mine}, or null once a newer JVM is being measured. */
  private Event nextEvent(long mine) throws InterruptedException {
    while (generation == mine) {
      Event event = events.poll(100, TimeUnit.MILLISECONDS);
      if (event != null && event.generation() == mine) {
        return event;
      }
      if (event != null) {
        events.put(event);
        return null;
      }
    }
    return null;
  }

  private static String httpEvent(String method, String path, String query) {
    return """
        {"version": "2.0", "routeKey": "$default", "rawPath": "%s", "rawQueryString": "%s",
         "headers": {"content-type": "application/json"},
         "requestContext": {"http": {"method": "%s", "path": "%s", "protocol": "HTTP/1.1",
           "sourceIp": "127.0.0.1", "userAgent": "bench"}, "requestId": "r-1", "stage": "$default",
           "timeEpoch": 0},
         "isBase64Encoded": false}""".formatted(path, query, method, path);
  }

  private static void report(Map<String, List<Long>> times, Map<String, String> answers) {
    long hello = median(times.get("hello world"));
    System.out.println("| handler | median ms | × hello world | runs (ms) | first answer |");
    System.out.println("|---|---:|---:|---|---|");
    times.forEach((name, list) -> {
      String answer = answers.get(name).replace("|", "\\|");
      System.out.printf("| %s | %d | %.2f | %s | %s |%n", name, median(list), (double) median(list) / hello, list,
          answer.length() > 90 ? answer.substring(0, 90) + "…" : answer);
    });
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static void createTable(int port) {
    try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      DynamoDbTables.create(client, "chaosfn");
    }
  }
}
