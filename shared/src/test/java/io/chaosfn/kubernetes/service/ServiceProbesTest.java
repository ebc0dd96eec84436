package io.chaosfn.kubernetes.service;

import static io.chaosfn.kubernetes.TestClusters.context;
import static io.chaosfn.kubernetes.TestClusters.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.kubernetes.RecordingAudit;
import io.chaosfn.kubernetes.TestClusters;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code service_is_initialized} (chaostoolkit-semantics §5.6) on the fabric8 mock in CRUD mode, seeded with the
 * services {@code frontend-app} ({@code app=frontend}) and {@code frontend-db} ({@code application=spilo}).
 */
@EnableKubernetesMockClient(crud = true)
class ServiceProbesTest {
  KubernetesClient client;

  private final RecordingAudit audit = new RecordingAudit();

  @BeforeEach
  void seedServices() {
    create("frontend-app", "app", "frontend");
    create("frontend-db", "application", "spilo");
  }

  private void create(String name, String labelKey, String labelValue) {
    client.services().inNamespace("default").resource(new ServiceBuilder()
        .withNewMetadata().withName(name).withNamespace("default").addToLabels(labelKey, labelValue).endMetadata()
        .withNewSpec().addToSelector(labelKey, labelValue).addNewPort().withPort(80).endPort().endSpec()
        .build()).create();
  }

  private JsonNode call(String arguments) {
    return new ServiceProbes(TestClusters.support(client, new ArrayList<>())).activities().get(0)
        .call(json(arguments), context(audit));
  }

  @Test
  void serviceIsInitialized_existingName_returnsTrue() {
    JsonNode output = call("{'name': 'frontend-app'}");

    assertThat(output.asBoolean()).isTrue();
  }

  @Test
  void serviceIsInitialized_missingName_failsWithChaosToolkitMessage() {
    assertThatThrownBy(() -> call("{'name': 'ghost'}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("service 'ghost' is not initialized");
  }

  @Test
  void serviceIsInitialized_missingNameWithoutRaise_returnsFalse() {
    JsonNode output = call("{'name': 'ghost', 'raise_if_service_not_initialized': false}");

    assertThat(output.asBoolean()).isFalse();
  }

  @Test
  void serviceIsInitialized_labelSelectorOnly_findsByLabels() {
    JsonNode output = call("{'label_selector': 'application=spilo'}");

    assertThat(output.asBoolean()).isTrue();
  }

  @Test
  void serviceIsInitialized_labelSelectorMatchingNothing_failsNamingNone() {
    assertThatThrownBy(() -> call("{'label_selector': 'app=ghost'}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("service 'None' is not initialized");
  }

  @Test
  void serviceIsInitialized_nameWithLabelsOfAnotherService_failsAsNotInitialized() {
    assertThatThrownBy(() -> call("{'name': 'frontend-app', 'label_selector': 'application=spilo'}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("service 'frontend-app' is not initialized");
  }

  @Test
  void serviceIsInitialized_serviceInAnotherNamespace_failsAsNotInitialized() {
    assertThatThrownBy(() -> call("{'name': 'frontend-app', 'ns': 'shop'}"))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("service 'frontend-app' is not initialized");
  }
}
