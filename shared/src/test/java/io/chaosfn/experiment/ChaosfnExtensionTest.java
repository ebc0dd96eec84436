package io.chaosfn.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.experiment.ChaosfnExtension.DeployTrigger;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

class ChaosfnExtensionTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void parse_architectureExample_readsEveryPart() {
    ChaosfnExtension extension = ChaosfnExtension.parse(json("""
        {"name": "chaosfn", "id": "frontend-db-failover",
         "schedule": {"expression": "cron(0 10 ? * MON-FRI *)", "timezone": "Europe/Paris", "enabled": true},
         "triggers": {"deploy": {"match": {"namespace": "default", "workload": "frontend-app"},
                                 "wait_for_rollout_seconds": 300}},
         "target": {"cluster": "prod", "namespace": "default"},
         "guardrails": {"allowed_namespaces": ["default"], "max_pods_per_action": 1},
         "notify": {"slack_channel": "#chaos"}}"""));

    assertThat(extension.id()).isEqualTo("frontend-db-failover");
    assertThat(extension.schedule()).isEqualTo(new ChaosfnExtension.Schedule("cron(0 10 ? * MON-FRI *)",
        ZoneId.of("Europe/Paris"), true, null));
    assertThat(extension.deploy()).isEqualTo(new DeployTrigger(Map.of("namespace", "default", "workload",
        "frontend-app"), Duration.ofSeconds(300)));
    assertThat(extension.target()).isEqualTo(new ChaosfnExtension.Target("prod", "default"));
    assertThat(extension.guardrails().path("max_pods_per_action").asInt()).isEqualTo(1);
    assertThat(extension.notifications()).isEqualTo(new ChaosfnExtension.Notify("#chaos"));
  }

  @Test
  void parse_missingExtension_isNone() {
    ChaosfnExtension extension = ChaosfnExtension.parse(MissingNode.getInstance());

    assertThat(extension).isEqualTo(ChaosfnExtension.none());
    assertThat(extension.deployTrigger()).isEmpty();
  }

  @Test
  void read_badParts_reportsEveryProblemAtItsPath() {
    Problems problems = new Problems().at("extensions").at(1);

    ChaosfnExtension extension = ChaosfnExtension.read(json("""
        {"name": "chaosfn", "id": 7, "sceduled": {},
         "schedule": {"expression": "every day", "timezone": "Mars/Olympus", "flexible_window": 0},
         "triggers": {"deploy": {"match": {"namespace": 3, "workoad": "a"}, "wait_for_rollout_seconds": -1}},
         "notify": "#chaos"}"""), problems);

    assertThat(problems.list()).extracting(Problem::path).containsExactlyInAnyOrder(
        "extensions[1].sceduled",
        "extensions[1].id",
        "extensions[1].schedule.expression",
        "extensions[1].schedule.timezone",
        "extensions[1].schedule.flexible_window",
        "extensions[1].triggers.deploy.match.namespace",
        "extensions[1].triggers.deploy.match.workoad",
        "extensions[1].triggers.deploy.wait_for_rollout_seconds",
        "extensions[1].notify");
    assertThat(extension.deploy()).isNull();
  }

  @Test
  void read_misspeltMatchKey_suggestsTheKey() {
    Problems problems = new Problems();

    ChaosfnExtension.read(json("{\"triggers\": {\"deploy\": {\"match\": {\"workoad\": \"a\"}}}}"), problems);

    assertThat(problems.list()).extracting(Problem::message)
        .anySatisfy(message -> assertThat(message).contains("did you mean 'workload'"));
  }

  @Test
  void read_emptyMatch_isAProblem() {
    Problems problems = new Problems();

    ChaosfnExtension.read(json("{\"triggers\": {\"deploy\": {\"match\": {}}}}"), problems);

    assertThat(problems.list()).singleElement().extracting(Problem::path).isEqualTo("triggers.deploy.match");
  }

  @Test
  void parse_invalidExtension_throwsWithPathsUnderTheExtension() {
    assertThatThrownBy(() -> ChaosfnExtension.parse(json("{\"target\": []}")))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessageContaining("extensions.chaosfn.target");
  }

  @Test
  void deployTrigger_unknownMatchKey_isRefused() {
    assertThatThrownBy(() -> new DeployTrigger(Map.of("cluster", "prod"), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deployTrigger_noMatchKey_isRefused() {
    assertThatThrownBy(() -> new DeployTrigger(Map.of(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }
}
