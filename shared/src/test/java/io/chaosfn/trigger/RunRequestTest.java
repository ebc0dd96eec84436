package io.chaosfn.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code chaosfn.run.requested} detail as docs/events.md shows it, compared as it goes over the wire. */
class RunRequestTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DeployEvent FLUX_DEPLOY = new DeployEvent(DeploySource.FLUX, "default", "frontend-app", null,
      "main@sha1:4f2a9c1", "d-42", Instant.parse("2025-03-01T10:00:00Z"));

  @Test
  void detail_fluxDeploy_isSnakeCaseWithTheTriggerNested() {
    RunRequest request = new RunRequest("01JNEXAMPLE", "frontend-db-failover", "s3://experiments/frontend.yaml",
        FLUX_DEPLOY, Duration.ofSeconds(300));

    JsonNode detail = JSON.readTree(request.detail().toString());

    assertThat(detail).isEqualTo(JSON.readTree("""
        {"run_id": "01JNEXAMPLE", "experiment_id": "frontend-db-failover",
         "experiment": "s3://experiments/frontend.yaml",
         "trigger": {"type": "deploy", "name": "frontend-app", "source": "flux", "revision": "main@sha1:4f2a9c1",
                     "delivery_id": "d-42"},
         "deploy": {"namespace": "default", "workload": "frontend-app", "timestamp": "2025-03-01T10:00:00Z"},
         "wait_for_rollout_seconds": 300}"""));
  }

  @Test
  void trigger_deployWithoutWorkload_isNamedAfterTheRepository() {
    DeployEvent github = new DeployEvent(DeploySource.GITHUB, null, null, "acme/shop", "4f2a9c1", "guid-1",
        Instant.parse("2025-03-01T10:00:00Z"));

    RunRequest request = new RunRequest("01JNEXAMPLE", "shop", "s3://experiments/shop.yaml", github, Duration.ZERO);

    assertThat(request.trigger().name()).isEqualTo("acme/shop");
  }
}
