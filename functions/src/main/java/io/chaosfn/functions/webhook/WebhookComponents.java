package io.chaosfn.functions.webhook;

import io.chaosfn.flow.WebhookService;
import io.chaosfn.store.dynamodb.DynamoDbDeliveryLog;
import io.chaosfn.trigger.ExperimentCatalog;
import io.chaosfn.trigger.RunRequests;
import io.chaosfn.trigger.secretsmanager.SecretsManagerWebhookSecrets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The webhook's part of the composition root, to be folded into {@code Components}: the settings it reads from
 * the environment and the clients it builds from them, once per container. The experiment catalog and the run
 * requests (EventBridge) are built by the parts of the root that own them and passed in.
 *
 * <p>Reads {@link #VARIABLES}: {@code AWS_REGION} (set by Lambda), {@code CHAOSFN_TABLE} (the journal table,
 * which also holds the delivery items), {@code CHAOSFN_WEBHOOK_SECRET_ID} (the Secrets Manager secret) and
 * {@code CHAOSFN_WEBHOOK_SECRET_TTL_SECONDS} (optional, default 300). Credentials come from the variables
 * Lambda sets for the function's role.
 */
public final class WebhookComponents {
  public static final List<String> VARIABLES = List.of("AWS_REGION", "CHAOSFN_TABLE", "CHAOSFN_WEBHOOK_SECRET_ID",
      "CHAOSFN_WEBHOOK_SECRET_TTL_SECONDS");
  static final Duration DEFAULT_SECRET_TTL = Duration.ofMinutes(5);
  /**
   * Each AWS call gets at most a second, retries included: the sender waits for the answer and the whole request
   * should take under 3 s.
   */
  static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(1);

  private final Region region;
  private final String table;
  private final String secretId;
  private final Duration secretTtl;

  private WebhookComponents(Region region, String table, String secretId, Duration secretTtl) {
    this.region = region;
    this.table = table;
    this.secretId = secretId;
    this.secretTtl = secretTtl;
  }

  /**
   * Reads the settings, reporting every missing or invalid one at once.
   *
   * @throws IllegalArgumentException naming each problem
   */
  public static WebhookComponents from(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String region = required(env, "AWS_REGION", problems);
    String table = required(env, "CHAOSFN_TABLE", problems);
    String secretId = required(env, "CHAOSFN_WEBHOOK_SECRET_ID", problems);
    Duration ttl = DEFAULT_SECRET_TTL;
    String ttlText = env.get("CHAOSFN_WEBHOOK_SECRET_TTL_SECONDS");
    if (ttlText != null && !ttlText.isBlank()) {
      try {
        ttl = Duration.ofSeconds(Long.parseLong(ttlText.trim()));
      } catch (NumberFormatException e) {
        ttl = null;
      }
      if (ttl == null || ttl.isNegative()) {
        problems.add("CHAOSFN_WEBHOOK_SECRET_TTL_SECONDS must be a whole number of seconds >= 0, was '"
            + ttlText + "'");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new WebhookComponents(Region.of(region), table, secretId, ttl);
  }

  /** The webhook service over DynamoDB and Secrets Manager, with the given catalog and run requests. */
  public WebhookService webhooks(ExperimentCatalog catalog, RunRequests runs) {
    DynamoDbClient dynamoDb = configured(DynamoDbClient.builder()).build();
    SecretsManagerClient secretsManager = configured(SecretsManagerClient.builder()).build();
    Clock clock = Clock.systemUTC();
    return new WebhookService(new SecretsManagerWebhookSecrets(secretsManager, secretId, secretTtl, clock),
        new DynamoDbDeliveryLog(dynamoDb, table), catalog, runs, clock);
  }

  /** The region, the role's credentials, the url-connection HTTP client and the call timeout. */
  private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configured(B builder) {
    return builder.region(region)
        .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(API_CALL_TIMEOUT).build());
  }

  private static String required(Map<String, String> env, String name, List<String> problems) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      problems.add(name + " is not set");
      return null;
    }
    return value.trim();
  }
}
