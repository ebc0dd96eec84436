package io.chaosfn.kubernetes.statefulset;

import static io.chaosfn.kubernetes.TestClusters.context;
import static io.chaosfn.kubernetes.TestClusters.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.kubernetes.RecordingAudit;
import io.chaosfn.kubernetes.TestClusters;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code scale_statefulset}, {@code statefulset_fully_available} and {@code statefulset_not_fully_available}
 * (chaostoolkit-semantics §5.6) on the fabric8 mock in CRUD mode. The mock never moves {@code readyReplicas}
 * itself, so each readiness state is seeded; a probe waiting for a state that never comes costs its one-second
 * timeout.
 */
@EnableKubernetesMockClient(crud = true)
class StatefulSetActivitiesTest {
  KubernetesClient client;

  private final RecordingAudit audit = new RecordingAudit();

  private JsonNode call(String func, String arguments) {
    NativeActivity activity = new StatefulSetActivities(TestClusters.support(client, new ArrayList<>()))
        .activities().stream().filter(a -> a.func().equals(func)).findFirst().orElseThrow();
    return activity.call(json(arguments), context(audit));
  }

  private void create(String name, int replicas, Integer ready) {
    StatefulSet set = new StatefulSetBuilder()
        .withNewMetadata().withName(name).withNamespace("default").addToLabels("app", name).endMetadata()
        .withNewSpec().withReplicas(replicas).withServiceName(name)
        .withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage("postgres").endContainer().endSpec()
        .endTemplate().endSpec()
        .withNewStatus().withReplicas(replicas).withReadyReplicas(ready).endStatus()
        .build();
    client.apps().statefulSets().inNamespace("default").resource(set).create();
  }

  @Test
  void scaleStatefulset_replicasGiven_patchesSpecReplicasAndReturnsNull() {
    create("frontend-db", 2, 2);

    JsonNode output = call("scale_statefulset", "{'name': 'frontend-db', 'replicas': 3}");

    assertThat(output.isNull()).isTrue();
    assertThat(client.apps().statefulSets().inNamespace("default").withName("frontend-db").get()
        .getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void scaleStatefulset_missingStatefulset_failsWithChaosToolkitPrefix() {
    assertThatThrownBy(() -> call("scale_statefulset", "{'name': 'ghost', 'replicas': 1}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageStartingWith("failed to scale 'ghost' to 1 replicas: ");
  }

  @Test
  void scaleStatefulset_deniedNamespace_failsAndRecordsTheGuardrail() {
    assertThatThrownBy(() -> call("scale_statefulset", "{'name': 'etcd', 'replicas': 0, 'ns': 'kube-system'}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageContaining("kube-system");
    assertThat(audit.get("guardrail")).isNotNull();
  }

  @Test
  void statefulsetFullyAvailable_everyReplicaReady_returnsTrue() {
    create("frontend-db", 2, 2);

    JsonNode output = call("statefulset_fully_available", "{'name': 'frontend-db', 'timeout': 1}");

    assertThat(output.asBoolean()).isTrue();
  }

  @Test
  void statefulsetFullyAvailable_oneReplicaNotReady_failsAfterTimeoutWithChaosToolkitMessage() {
    create("frontend-db", 2, 1);

    assertThatThrownBy(() -> call("statefulset_fully_available", "{'name': 'frontend-db', 'timeout': 1}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("microservice 'frontend-db' failed to recover within 1s");
  }

  @Test
  void statefulsetFullyAvailable_notReadyWithoutRaise_returnsFalse() {
    create("frontend-db", 2, null);

    JsonNode output = call("statefulset_fully_available", "{'name': 'frontend-db', 'timeout': 1, "
        + "'raise_on_not_fully_available': false}");

    assertThat(output.asBoolean()).isFalse();
  }

  @Test
  void statefulsetNotFullyAvailable_oneReplicaNotReady_returnsTrue() {
    create("frontend-db", 2, 1);

    JsonNode output = call("statefulset_not_fully_available", "{'name': 'frontend-db', 'timeout': 1}");

    assertThat(output.asBoolean()).isTrue();
  }

  @Test
  void statefulsetNotFullyAvailable_staysReady_failsAfterTimeoutWithChaosToolkitMessage() {
    create("frontend-db", 2, 2);

    assertThatThrownBy(() -> call("statefulset_not_fully_available", "{'name': 'frontend-db', 'timeout': 1}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("microservice 'frontend-db' failed to stop running within 1s");
  }

  @Test
  void statefulsetNotFullyAvailable_staysReadyWithoutRaise_returnsFalse() {
    create("frontend-db", 2, 2);

    JsonNode output = call("statefulset_not_fully_available", "{'name': 'frontend-db', 'timeout': 1, "
        + "'raise_on_fully_available': false}");

    assertThat(output.asBoolean()).isFalse();
  }

  @Test
  void statefulsetFullyAvailable_labelSelectorNotMatching_neverCountsAsReady() {
    create("frontend-db", 2, 2);

    JsonNode output = call("statefulset_fully_available", "{'name': 'frontend-db', 'timeout': 1, "
        + "'label_selector': 'app=other', 'raise_on_not_fully_available': false}");

    assertThat(output.asBoolean()).isFalse();
  }
}
