package io.chaosfn.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What each function needs of the settings: building a service makes no AWS call, so these run without any
 * service; the services at work are in the end-to-end tests.
 */
class ComponentsTest {
  private static Components components(Map<String, String> env) {
    return new Components(Settings.from(env), Clock.systemUTC());
  }

  @Test
  void journalQueries_withoutBucketOrWebhookSecret_isBuilt() {
    assertThat(components(SettingsTest.minimal()).journalQueries()).isNotNull();
  }

  @Test
  void runs_withoutWebhookSecret_isBuilt() {
    assertThat(components(SettingsTest.minimal()).runs()).isNotNull();
  }

  @Test
  void webhooks_withoutSecretId_failsNamingTheVariable() {
    Map<String, String> env = SettingsTest.minimal();
    env.put("CHAOSFN_EXPERIMENTS_BUCKET", "experiments");

    assertThatThrownBy(() -> components(env).webhooks())
        .isInstanceOf(Settings.InvalidSettingsException.class)
        .hasMessageContaining("CHAOSFN_WEBHOOK_SECRET_ID is not set");
  }

  @Test
  void webhooks_withoutExperimentsBucket_failsNamingTheVariable() {
    Map<String, String> env = SettingsTest.minimal();
    env.put("CHAOSFN_WEBHOOK_SECRET_ID", "chaosfn/webhook");

    assertThatThrownBy(() -> components(env).webhooks())
        .isInstanceOf(Settings.InvalidSettingsException.class)
        .hasMessageContaining("CHAOSFN_EXPERIMENTS_BUCKET is not set");
  }

  @Test
  void webhooks_withSecretIdAndBucket_isBuilt() {
    Map<String, String> env = SettingsTest.minimal();
    env.put("CHAOSFN_WEBHOOK_SECRET_ID", "chaosfn/webhook");
    env.put("CHAOSFN_EXPERIMENTS_BUCKET", "experiments");

    assertThat(components(env).webhooks()).isNotNull();
  }
}
