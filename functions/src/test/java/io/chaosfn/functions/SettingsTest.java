package io.chaosfn.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;

class SettingsTest {
  /** What every function needs: the runtime's variables and the table. */
  static Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", "eu-west-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
    env.put("AWS_SECRET_ACCESS_KEY", "very-secret");
    env.put("CHAOSFN_TABLE", "chaosfn");
    return env;
  }

  @Test
  void from_minimalEnvironment_appliesDefaults() {
    Settings settings = Settings.from(minimal());

    assertThat(settings.rollbackReserve()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.eventBus()).isEqualTo("default");
    assertThat(settings.processProvider()).isFalse();
    assertThat(settings.cluster()).isEmpty();
    assertThat(settings.schedules()).isEmpty();
  }

  @Test
  void from_journalsBucket_isReadAndOptional() {
    Map<String, String> env = minimal();

    assertThat(Settings.from(env).journalsBucket()).isNull();

    env.put("CHAOSFN_JOURNALS_BUCKET", "chaosfn-journals");
    assertThat(Settings.from(env).journalsBucket()).isEqualTo("chaosfn-journals");
  }

  @Test
  void from_experimentEnvironment_keepsOnlyPrefixedVariables() {
    Map<String, String> env = minimal();
    env.put("CHAOSFN_EXPERIMENT_DB_HOST", "db.internal");

    Settings settings = Settings.from(env);

    assertThat(settings.experimentEnvironment()).containsExactly(Map.entry("CHAOSFN_EXPERIMENT_DB_HOST", "db.internal"));
  }

  @Test
  void from_severalBadVariables_reportsEveryProblemAtOnce() {
    Map<String, String> env = minimal();
    env.remove("CHAOSFN_TABLE");
    env.put("CHAOSFN_ROLLBACK_RESERVE_SECONDS", "a minute");
    env.put("CHAOSFN_PROCESS_PROVIDER", "yes");
    env.put("CHAOSFN_EKS_CLUSTER", "prod");

    assertThatThrownBy(() -> Settings.from(env))
        .hasMessageContaining("CHAOSFN_TABLE is not set")
        .hasMessageContaining("CHAOSFN_ROLLBACK_RESERVE_SECONDS must be a whole number")
        .hasMessageContaining("CHAOSFN_PROCESS_PROVIDER must be 'enabled' or 'disabled'")
        .hasMessageContaining("are set together or not at all");
  }

  @Test
  void toString_neverShowsSecretsOrExperimentValues() {
    Map<String, String> env = minimal();
    env.put("CHAOSFN_EXPERIMENT_TOKEN", "hunter2");

    String printed = Settings.from(env).toString();

    assertThat(printed).doesNotContain("very-secret").doesNotContain("hunter2").contains("CHAOSFN_EXPERIMENT_TOKEN");
  }

  @Test
  void from_scheduleTargetAndRole_givesScheduleSettingsInTheDefaultGroup() {
    Map<String, String> env = minimal();
    env.put("CHAOSFN_SCHEDULE_TARGET_ARN", "arn:aws:lambda:eu-west-1:1:function:run");
    env.put("CHAOSFN_SCHEDULER_ROLE_ARN", "arn:aws:iam::1:role/scheduler");

    Settings settings = Settings.from(env);

    assertThat(settings.schedules()).contains(new Settings.ScheduleTarget("chaosfn",
        "arn:aws:lambda:eu-west-1:1:function:run", "arn:aws:iam::1:role/scheduler"));
  }

  @Test
  void from_scheduleTargetWithoutRole_isAProblem() {
    Map<String, String> env = minimal();
    env.put("CHAOSFN_SCHEDULE_TARGET_ARN", "arn:aws:lambda:eu-west-1:1:function:run");

    assertThatThrownBy(() -> Settings.from(env))
        .hasMessageContaining("CHAOSFN_SCHEDULE_TARGET_ARN and CHAOSFN_SCHEDULER_ROLE_ARN are set together");
  }

  @Test
  void from_webhookVariables_areRead() {
    Map<String, String> env = minimal();
    env.put("CHAOSFN_WEBHOOK_SECRET_ID", "chaosfn/webhook");
    env.put("CHAOSFN_WEBHOOK_SECRET_TTL_SECONDS", "60");
    env.put("AWS_ENDPOINT_URL_SECRETSMANAGER", "http://127.0.0.1:4000");

    Settings settings = Settings.from(env);

    assertThat(settings.webhookSecretId()).isEqualTo("chaosfn/webhook");
    assertThat(settings.webhookSecretTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.endpoint("SECRETSMANAGER")).contains(URI.create("http://127.0.0.1:4000"));
  }

  @Test
  void from_withoutWebhookVariables_startsWithTheDefaultTtl() {
    Settings settings = Settings.from(minimal());

    assertThat(settings.webhookSecretId()).isNull();
    assertThat(settings.webhookSecretTtl()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void from_badWebhookTtl_namesTheVariable() {
    Map<String, String> env = minimal();
    env.put("CHAOSFN_WEBHOOK_SECRET_TTL_SECONDS", "-1");

    assertThatThrownBy(() -> Settings.from(env))
        .hasMessageContaining("CHAOSFN_WEBHOOK_SECRET_TTL_SECONDS must be a whole number of seconds");
  }

  @Test
  void from_withoutCredentials_namesBothVariables() {
    Map<String, String> env = minimal();
    env.remove("AWS_SECRET_ACCESS_KEY");

    assertThatThrownBy(() -> Settings.from(env))
        .hasMessageContaining("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set");
  }

  @Test
  void from_containerEndpointWithoutAccessKeys_takesCredentialsFromTheEndpoint() {
    Map<String, String> env = minimal();
    env.remove("AWS_ACCESS_KEY_ID");
    env.remove("AWS_SECRET_ACCESS_KEY");
    env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials");

    Settings settings = Settings.from(env);

    assertThat(settings.credentials()).isInstanceOf(ContainerCredentialsProvider.class);
  }

  @Test
  void from_accessKeysAndContainerEndpoint_takesTheAccessKeys() {
    Map<String, String> env = minimal();
    env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials");

    Settings settings = Settings.from(env);

    assertThat(settings.credentials().resolveCredentials().accessKeyId()).isEqualTo("AKIAEXAMPLE");
  }

  @Test
  void from_neitherAccessKeysNorContainerEndpoint_namesBoth() {
    Map<String, String> env = minimal();
    env.remove("AWS_ACCESS_KEY_ID");

    assertThatThrownBy(() -> Settings.from(env))
        .hasMessageContaining("nor is AWS_CONTAINER_CREDENTIALS_FULL_URI");
  }

  @Test
  void toString_sessionCredentials_neverShowsTheToken() {
    Map<String, String> env = minimal();
    env.put("AWS_SESSION_TOKEN", "session-token-value");

    assertThat(Settings.from(env).toString()).doesNotContain("session-token-value").doesNotContain("very-secret");
  }

  @Test
  void variables_nameEveryConfigurableVariableOnce() {
    assertThat(Settings.VARIABLES).doesNotHaveDuplicates()
        .contains("CHAOSFN_WEBHOOK_SECRET_ID", "CHAOSFN_WEBHOOK_SECRET_TTL_SECONDS")
        .doesNotContainAnyElementsOf(Settings.RUNTIME_VARIABLES);
  }

  @Test
  void from_slackVariables_areRead() {
    Map<String, String> env = minimal();
    env.put("CHAOSFN_SLACK_CHANNEL", "#chaos");
    env.put("CHAOSFN_SLACK_API_URL", "http://127.0.0.1:9000/api/");
    env.put("CHAOSFN_JOURNAL_API_URL", "https://journal.example.com");
    env.put("CHAOSFN_SLACK_TOKEN_SECRET_ID", "chaosfn/slack");

    Settings settings = Settings.from(env);

    assertThat(settings.slack()).isEqualTo(new SlackVariables("#chaos", URI.create("https://journal.example.com"),
        "http://127.0.0.1:9000/api/", null));
    assertThat(settings.slackTokenSecretId()).isEqualTo("chaosfn/slack");
    assertThat(settings.slackBotToken()).isNull();
  }

  @Test
  void from_slackApiUrlWithoutSlashAndBothTokenSources_reportsBoth() {
    Map<String, String> env = minimal();
    env.put("CHAOSFN_SLACK_API_URL", "http://127.0.0.1:9000/api");
    env.put("CHAOSFN_SLACK_TOKEN_SECRET_ID", "chaosfn/slack");
    env.put("SLACK_BOT_TOKEN", "xoxb-local");

    assertThatThrownBy(() -> Settings.from(env))
        .hasMessageContaining("CHAOSFN_SLACK_API_URL must end with '/'")
        .hasMessageContaining("CHAOSFN_SLACK_TOKEN_SECRET_ID and SLACK_BOT_TOKEN are both set");
  }

  @Test
  void toString_slackBotToken_neverShowsTheToken() {
    Map<String, String> env = minimal();
    env.put("SLACK_BOT_TOKEN", "xoxb-very-secret");

    String shown = Settings.from(env).toString();

    assertThat(shown).doesNotContain("xoxb-very-secret").contains("slackBotToken=set");
  }
}
