package io.chaosfn.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import io.chaosfn.activity.ActivityRegistry;
import io.chaosfn.activity.Providers;
import io.chaosfn.activity.PythonProvider;
import io.chaosfn.activity.http.HttpPolicy;
import io.chaosfn.activity.http.HttpProvider;
import io.chaosfn.engine.FakeTime;
import io.chaosfn.engine.RunContext;
import io.chaosfn.engine.Runner;
import io.chaosfn.engine.StopSignal;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.JournalCodec;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.experiment.DryMode;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.ExperimentParser;
import io.chaosfn.experiment.HypothesisStrategy;
import io.chaosfn.experiment.InvalidExperimentException;
import io.chaosfn.experiment.Problem;
import io.chaosfn.experiment.RollbackStrategy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed scenario end to end through the engine: {@code experiments/seed-scenario.json} parsed by
 * {@link ExperimentParser} and run by {@link Runner} with the native chaosk8s activities against the fabric8 mock
 * in CRUD mode, seeded with {@code frontend-app}, {@code frontend-db-0} (master) and {@code frontend-db-1}
 * (replica), and the http probe against a JDK HttpServer started here that stands in for the frontend. Time is
 * fake, so the two-second pause costs nothing. The mock stamps its own {@code creationTimestamp} on create, so
 * the recorded age is checked for presence, not value.
 */
@EnableKubernetesMockClient(crud = true)
class SeedScenarioTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  KubernetesClient client;

  private HttpServer frontend;
  private final FakeTime time = new FakeTime(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private final List<Duration> retryWaits = new ArrayList<>();

  @BeforeEach
  void startFrontend() throws IOException {
    frontend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    frontend.createContext("/health", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    frontend.start();
  }

  @AfterEach
  void stopFrontend() {
    frontend.stop(0);
  }

  private Providers providers() {
    ActivityRegistry registry = new KubernetesActivities(TestClusters.support(client, retryWaits))
        .registerInto(ActivityRegistry.builder()).build();
    return new Providers(List.of(new PythonProvider(registry), new HttpProvider(HttpPolicy.unrestricted())));
  }

  private static ObjectNode document() throws IOException {
    try (InputStream in = SeedScenarioTest.class.getResourceAsStream("/experiments/seed-scenario.json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  private Experiment parse(ObjectNode document) {
    return new ExperimentParser(providers(), Map.of()).parse(document);
  }

  private JsonNode run(DryMode dry) throws IOException {
    ObjectNode configuration = JsonNodeFactory.instance.objectNode()
        .put("frontend_url", "http://127.0.0.1:" + frontend.getAddress().getPort() + "/health");
    RunContext context = new RunContext(parse(document()), configuration, JsonNodeFactory.instance.objectNode(),
        Map.of(), providers(), dry, HypothesisStrategy.DEFAULT, RollbackStrategy.DEFAULT, Duration.ofSeconds(1),
        false, null, null, List.of(), new StopSignal(), time, time, new RunContext.Host("Linux-test", "test-node"),
        new RunContext.RunIdentity("run-seed", Trigger.cli(), null), RunContext.SecretRedaction.NONE);
    Journal journal = new Runner(List.of()).run(context);
    return JournalCodec.toJson(journal);
  }

  private List<String> pods() {
    return client.pods().inNamespace("default").list().getItems().stream()
        .map(p -> p.getMetadata().getName()).sorted().toList();
  }

  private List<Problem> problems(ObjectNode document) {
    return catchThrowableOfType(InvalidExperimentException.class, () -> parse(document)).problems();
  }

  @Test
  void run_seedScenario_deletesExactlyTheMaster() throws IOException {
    TestClusters.seedScenario(client);

    JsonNode journal = run(null);

    assertThat(journal.get("status").asString()).isEqualTo("completed");
    assertThat(journal.get("deviated").asBoolean()).isFalse();
    assertThat(pods()).containsExactly("frontend-db-1");
  }

  @Test
  void run_seedScenario_journalsTheDeletedNamesAsChaosToolkitDoes() throws IOException {
    TestClusters.seedScenario(client);

    JsonNode journal = run(null);

    assertThat(journal.get("run").get(0).get("status").asString()).isEqualTo("succeeded");
    assertThat(journal.get("run").get(0).get("output")).isEqualTo(JSON.readTree("[\"frontend-db-0\"]"));
  }

  @Test
  void run_seedScenario_recordsTheSelectionAndGracePeriodUnderChaosfn() throws IOException {
    TestClusters.seedScenario(client);
    String masterUid = client.pods().inNamespace("default").withName("frontend-db-0").get().getMetadata().getUid();

    JsonNode activity = run(null).get("chaosfn").get("activities").get(0);

    JsonNode selected = activity.get("selection").get(0);
    assertThat(selected.get("name").asString()).isEqualTo("frontend-db-0");
    assertThat(selected.get("uid").asString()).isEqualTo(masterUid);
    assertThat(selected.get("node").asString()).isEqualTo("node-a");
    assertThat(selected.get("age").asString()).startsWith("PT");
    assertThat(activity.get("grace_period").isNull()).isTrue();
    assertThat(activity.get("selection")).hasSize(1);
  }

  @Test
  void run_seedScenario_pausesTwoSecondsAfterTheAction() throws IOException {
    TestClusters.seedScenario(client);

    run(null);

    assertThat(time.pauses).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void run_seedScenario_checksTheHypothesisBeforeAndAfterTheMethod() throws IOException {
    TestClusters.seedScenario(client);

    JsonNode journal = run(null);

    assertThat(journal.get("steady_states").get("before").get("steady_state_met").asBoolean()).isTrue();
    JsonNode after = journal.get("steady_states").get("after");
    assertThat(after.get("steady_state_met").asBoolean()).isTrue();
    assertThat(after.get("probes").get(0).get("output").asBoolean()).isTrue();
    assertThat(after.get("probes").get(1).get("output").get("status").asInt()).isEqualTo(200);
  }

  @Test
  void run_dryActions_deletesNothingAndRecordsWhatWouldBeDeleted() throws IOException {
    TestClusters.seedScenario(client);

    JsonNode journal = run(DryMode.ACTIONS);

    assertThat(pods()).containsExactly("frontend-db-0", "frontend-db-1");
    assertThat(journal.get("run").get(0).get("output").isNull()).isTrue();
    assertThat(journal.get("chaosfn").get("activities").get(0).get("would_delete"))
        .isEqualTo(JSON.readTree("[\"frontend-db-0\"]"));
  }

  @Test
  void parse_terminateInKubeSystem_failsAtTheNsArgument() throws IOException {
    ObjectNode document = document();
    ((ObjectNode) document.get("method").get(0).get("provider").get("arguments")).put("ns", "kube-system");

    List<Problem> problems = problems(document);

    assertThat(problems).extracting(Problem::path).containsExactly("method[0].provider.arguments.ns");
    assertThat(problems.get(0).message()).contains("kube-system");
  }

  @Test
  void parse_emptySelectorWithoutAll_failsAtTheArguments() throws IOException {
    ObjectNode document = document();
    ObjectNode arguments = (ObjectNode) document.get("method").get(0).get("provider").get("arguments");
    arguments.remove("label_selector");
    arguments.remove("name_pattern");

    List<Problem> problems = problems(document);

    assertThat(problems).containsExactly(new Problem("method[0].provider.arguments",
        "no label_selector and no name_pattern would select every pod in namespace 'default'; set all: true to "
            + "mean it (chaosfn guardrail)"));
  }

  @Test
  void parse_emptySelectorWithAllTrue_isValid() throws IOException {
    ObjectNode document = document();
    ObjectNode arguments = (ObjectNode) document.get("method").get(0).get("provider").get("arguments");
    arguments.remove("label_selector");
    arguments.remove("name_pattern");
    arguments.put("all", true);

    Experiment experiment = parse(document);

    assertThat(experiment).isNotNull();
  }
}
