package io.chaosfn.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.activity.ActivityRegistry;
import io.chaosfn.activity.Providers;
import io.chaosfn.activity.PythonProvider;
import io.chaosfn.activity.http.HttpPolicy;
import io.chaosfn.activity.http.HttpProvider;
import io.chaosfn.activity.process.ProcessProvider;
import io.chaosfn.engine.control.Safeguards;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Chaos Toolkit's validation rules (semantics §2), reported all at once, each at its path. */
class ExperimentParserTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final ExperimentParser parser = new ExperimentParser(new Providers(List.of(
      new HttpProvider(HttpPolicy.unrestricted()), new ProcessProvider(Map.of("PATH", "/usr/bin:/bin")),
      new PythonProvider(ActivityRegistry.builder().build()))),
      Map.of(Safeguards.MODULE, provider -> new Safeguards().validate(provider)));

  private static ObjectNode document(String json) {
    return (ObjectNode) JSON.readTree(json);
  }

  private List<String> problems(String json) {
    return parser.validate(document(json)).list().stream().map(Problem::toString).toList();
  }

  @Test
  void validate_emptyDocument_isNotAnExperiment() {
    assertThat(problems("{}")).containsExactly("an empty experiment is not an experiment");
  }

  @Test
  void validate_everyProblem_isReportedAtOnceWithItsPath() {
    List<String> problems = problems("""
        {"tags": ["ok", ""],
         "method": [
           {"type": "action", "name": "a", "provider": {"type": "http"}},
           {"type": "sabotage", "name": "b", "provider": {"type": "http", "url": "http://x"}},
           {"type": "probe", "provider": {"type": "http", "url": "http://x"}, "background": "yes"}]}
        """);

    assertThat(problems).containsExactly(
        "title: experiment requires a title",
        "description: experiment requires a description",
        "tags[1]: experiment tags must be a non-empty string",
        "method[0].provider.url: a HTTP activity must have a URL",
        "method[1].type: 'sabotage' is not a supported activity type; expected 'probe' or 'action'",
        "method[2].name: an activity must have a name",
        "method[2].background: activity background must be a boolean");
  }

  @Test
  void validate_missingMethod_isReported() {
    assertThat(problems("{\"title\": \"t\", \"description\": \"d\"}")).containsExactly(
        "method: an experiment requires a method, which can be empty for only checking steady state hypothesis");
  }

  @Test
  void validate_hypothesisProbeWithoutTolerance_isReported() {
    assertThat(problems("""
        {"title": "t", "description": "d", "method": [],
         "steady-state-hypothesis": {"title": "h", "probes": [
           {"type": "probe", "name": "p", "provider": {"type": "http", "url": "http://x"}}]}}
        """)).containsExactly("steady-state-hypothesis.probes[0]: hypothesis probe must have a tolerance entry");
  }

  @Test
  void validate_hypothesisWithoutTitle_isReported() {
    assertThat(problems("""
        {"title": "t", "description": "d", "method": [], "steady-state-hypothesis": {}}
        """)).containsExactly("steady-state-hypothesis.title: hypothesis requires a title");
  }

  @Test
  void validate_danglingReference_namesTheCloseMatch() {
    assertThat(problems("""
        {"title": "t", "description": "d",
         "method": [{"type": "probe", "name": "pods-ok", "provider": {"type": "http", "url": "http://x"}},
                    {"ref": "pod-ok"}]}
        """)).containsExactly("method[1].ref: referenced activity 'pod-ok' could not be found in the experiment;"
            + " did you mean 'pods-ok'?");
  }

  @Test
  void validate_danglingRollbackReference_isRefusedUnlikeChaosToolkit() {
    assertThat(problems("""
        {"title": "t", "description": "d", "method": [], "rollbacks": [{"ref": "nothing"}]}
        """)).containsExactly("rollbacks[0].ref: referenced activity 'nothing' could not be found in the experiment");
  }

  @Test
  void validate_pauseThatIsNeitherNumberNorPlaceholder_isReported() {
    assertThat(problems("""
        {"title": "t", "description": "d",
         "method": [{"type": "action", "name": "a", "pauses": {"after": "soon"},
                     "provider": {"type": "http", "url": "http://x"}}]}
        """)).containsExactly("method[0].pauses.after: activity after pause must be a number or a pattern to a"
            + " variable from the configuration or secrets");
  }

  @Test
  void validate_unknownProviderType_isReported() {
    assertThat(problems("""
        {"title": "t", "description": "d",
         "method": [{"type": "action", "name": "a", "provider": {"type": "ruby"}}]}
        """)).containsExactly("method[0].provider.type: unknown provider type 'ruby'; expected 'python', 'http' or"
            + " 'process'");
  }

  @Test
  void validate_unknownPythonModule_isReportedAtTheModule() {
    assertThat(problems("""
        {"title": "t", "description": "d",
         "method": [{"type": "action", "name": "a",
                     "provider": {"type": "python", "module": "chaosaws.ec2.actions", "func": "stop_instance"}}]}
        """)).singleElement().asString().startsWith("method[0].provider.module: could not find Python module"
            + " 'chaosaws.ec2.actions' in activity 'a'");
  }

  @Test
  void validate_unknownRuntimeStrategy_isRefusedUpFront() {
    assertThat(problems("""
        {"title": "t", "description": "d", "method": [], "runtime": {"rollbacks": {"strategy": "sometimes"}}}
        """)).containsExactly("runtime.rollbacks.strategy: unknown rollbacks strategy \"sometimes\"; expected"
            + " default, always, never or deviated");
  }

  @Test
  void validate_controlWithBadScope_isReported() {
    assertThat(problems("""
        {"title": "t", "description": "d", "method": [],
         "controls": [{"name": "c", "scope": "post",
                       "provider": {"type": "python", "module": "chaostracing.control"}}]}
        """)).containsExactly("controls[0].scope: Control 'c' scope property must be 'before' or 'after' only");
  }

  @Test
  void parse_unsupportedPythonControl_isAWarningNotAProblem() {
    Experiment experiment = parser.parse(document("""
        {"title": "t", "description": "d", "method": [],
         "controls": [{"name": "tracing", "provider": {"type": "python", "module": "chaostracing.control"}}]}
        """));

    assertThat(experiment.warnings()).extracting(Problem::toString).containsExactly(
        "controls[0]: control 'tracing' (chaostracing.control) is not supported by chaosfn and is ignored");
  }

  @Test
  void parse_referenceInHypothesis_takesTheToleranceFromTheStub() {
    Experiment experiment = parser.parse(document("""
        {"title": "t", "description": "d",
         "steady-state-hypothesis": {"title": "h", "probes": [{"ref": "ok", "tolerance": 200}]},
         "method": [{"type": "probe", "name": "ok", "provider": {"type": "http", "url": "http://x"}}]}
        """));

    Activity probe = experiment.hypothesis().probes().get(0);
    assertThat(probe.name()).isEqualTo("ok");
    assertThat(probe.tolerance().asInt()).isEqualTo(200);
    assertThat(probe.source().path("provider").path("url").asString()).isEqualTo("http://x");
  }

  @Test
  void parse_referenceToADuplicateName_resolvesToTheHypothesisProbeAsChaosToolkitDoes() {
    Experiment experiment = parser.parse(document("""
        {"title": "t", "description": "d",
         "steady-state-hypothesis": {"title": "h", "probes": [
           {"type": "probe", "name": "dup", "tolerance": 200, "provider": {"type": "http", "url": "http://hypothesis"}}]},
         "method": [{"type": "probe", "name": "dup", "provider": {"type": "http", "url": "http://method"}},
                    {"ref": "dup"}]}
        """));

    assertThat(experiment.method().get(1).provider().path("url").asString()).isEqualTo("http://hypothesis");
  }

  @Test
  void validate_invalidChaosfnExtension_reportsEachProblemAtItsPath() {
    List<String> problems = problems("""
        {"title": "t", "description": "d", "method": [],
         "extensions": [{"name": "other", "anything": true},
                        {"name": "chaosfn", "schedule": {"expression": "every day"},
                         "triggers": {"deploy": {"match": {"workoad": "frontend"}}}}]}
        """);

    assertThat(problems).containsExactly(
        "extensions[1].schedule.expression: expected rate(...), cron(...) or at(...), found 'every day'",
        "extensions[1].triggers.deploy.match.workoad: unknown match key; expected one of [namespace, workload,"
            + " repository, revision]; did you mean 'workload'?");
  }

  @Test
  void validate_otherVendorsExtension_isNotChecked() {
    assertThat(problems("""
        {"title": "t", "description": "d", "method": [],
         "extensions": [{"name": "vendor", "schedule": "whenever"}]}
        """)).isEmpty();
  }

  @Test
  void parse_keepsUnknownKeysAndTheChaosfnExtension() {
    Experiment experiment = parser.parse(document("""
        {"title": "t", "description": "d", "method": [], "x-team": "payments",
         "extensions": [{"name": "chaosfn", "id": "checkout-db"}]}
        """));

    assertThat(experiment.source().path("x-team").asString()).isEqualTo("payments");
    assertThat(experiment.declaredId()).contains("checkout-db");
  }

  @Test
  void parse_invalidDocument_throwsWithEveryProblem() {
    assertThatThrownBy(() -> parser.parse(document("{\"title\": 3, \"method\": {}}")))
        .isInstanceOf(InvalidExperimentException.class)
        .satisfies(e -> assertThat(((InvalidExperimentException) e).problems()).hasSize(3));
  }

  @Test
  void parseLeniently_danglingReference_becomesAnActivityThatAbortsWhenRun() {
    Experiment experiment = parser.parseLeniently(document("""
        {"title": "t", "description": "d", "method": [{"ref": "pizza"}]}
        """));

    assertThat(experiment.method()).singleElement().satisfies(a -> assertThat(a.missingRef()).isEqualTo("pizza"));
  }
}
