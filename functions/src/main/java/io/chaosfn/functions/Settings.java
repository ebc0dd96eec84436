package io.chaosfn.functions;

import io.chaosfn.ChaosfnException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Every environment variable the functions read, parsed and checked in one pass; all problems are reported
 * together. {@link #fromEnvironment()} is the functions' only {@code System.getenv} call, but for the SDK's
 * container credentials provider, which reads its token variable on each fetch. {@link #VARIABLES} lists
 * what the template must set, {@link #RUNTIME_VARIABLES} what the Lambda runtime sets, so the SAM contract test
 * can compare both with the template.
 *
 * <p>Sections: AWS runtime, store, experiments, events, runs, the cluster and the webhook. Only what every
 * function needs is required here ({@code AWS_REGION}, the credentials, {@code CHAOSFN_TABLE}); what one function
 * needs (the experiments bucket for the webhook's catalog, the webhook secret) is checked by {@link Components}
 * when it builds that function's service, so the other functions start without it.
 *
 * @param region {@code AWS_REGION}
 * @param credentials the function role's credentials: from the access key variables the runtime sets
 *     ({@link AwsCredentialVariables}), or, under SnapStart, which sets none of them, from the runtime's container
 *     credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}), fetched on first use
 * @param functionName {@code AWS_LAMBDA_FUNCTION_NAME}, the journal's {@code node}; null outside Lambda
 * @param endpoints endpoint overrides by service ({@code AWS_ENDPOINT_URL_<SERVICE>}), for the sandbox and tests
 * @param table {@code CHAOSFN_TABLE}: the journal table (runs, meta items and locks)
 * @param journalsBucket {@code CHAOSFN_JOURNALS_BUCKET}: where journals too large for their item go, or null (such
 *     journals are then refused, saying so)
 * @param experimentsBucket {@code CHAOSFN_EXPERIMENTS_BUCKET}: where experiment ids are looked up
 * @param experimentsPrefix {@code CHAOSFN_EXPERIMENTS_PREFIX}: their key prefix, default none
 * @param eventBus {@code CHAOSFN_EVENT_BUS}: where {@code chaosfn.run.finished} goes, default {@code default}
 * @param rollbackReserve {@code CHAOSFN_ROLLBACK_RESERVE_SECONDS}: the time guard's reserve, default 60 s
 * @param experimentEnvironment the variables {@code env} configuration and secrets may read: those starting
 *     with {@code CHAOSFN_EXPERIMENT_ENV_PREFIX} (default {@code CHAOSFN_EXPERIMENT_}), never the credentials
 * @param processProvider {@code CHAOSFN_PROCESS_PROVIDER}: {@code enabled} turns the process provider on
 * @param cluster the deployment's EKS cluster ({@code CHAOSFN_EKS_CLUSTER}, {@code CHAOSFN_EKS_ENDPOINT},
 *     {@code CHAOSFN_EKS_CA_DATA}), or empty
 * @param webhookSecretId {@code CHAOSFN_WEBHOOK_SECRET_ID}: the Secrets Manager secret holding the webhook keys, or
 *     null (only the webhook needs it)
 * @param webhookSecretTtl {@code CHAOSFN_WEBHOOK_SECRET_TTL_SECONDS}: how long the webhook keeps the secret before
 *     reading it again, default 300 s
 * @param slack the Slack variables ({@link SlackVariables}); Slack is on when a token or a webhook URL is set
 * @param slackTokenSecretId {@code CHAOSFN_SLACK_TOKEN_SECRET_ID}: the Secrets Manager secret whose string is the
 *     bot token, or null
 * @param slackBotToken {@code SLACK_BOT_TOKEN}: the bot token itself, where no Secrets Manager is at hand (the
 *     sandbox), or null; never in {@link #toString()}. Only one of the two may be set.
 * @param schedules where ScheduleSync writes schedules ({@code CHAOSFN_SCHEDULE_GROUP}, default {@code chaosfn};
 *     {@code CHAOSFN_SCHEDULE_TARGET_ARN}, the RunExperiment function; {@code CHAOSFN_SCHEDULER_ROLE_ARN}, the role
 *     the Scheduler invokes it with), or empty when the target and role are not set (only ScheduleSync needs them)
 */
public record Settings(
    // AWS runtime
    String region,
    AwsCredentialsProvider credentials,
    String functionName,
    Map<String, URI> endpoints,
    // store
    String table,
    String journalsBucket,
    // experiments
    String experimentsBucket,
    String experimentsPrefix,
    // events
    String eventBus,
    // runs
    Duration rollbackReserve,
    Map<String, String> experimentEnvironment,
    boolean processProvider,
    // cluster
    Optional<EksCluster> cluster,
    // webhook
    String webhookSecretId,
    Duration webhookSecretTtl,
    // Slack
    SlackVariables slack,
    String slackTokenSecretId,
    String slackBotToken,
    // schedules
    Optional<ScheduleTarget> schedules) {

  public static final String REGION = "AWS_REGION";
  public static final String FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
  /** Where a SnapStart function's credentials come from; the SDK's provider reads the token variable itself. */
  public static final String CONTAINER_CREDENTIALS_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
  public static final String CONTAINER_AUTHORIZATION_TOKEN = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
  public static final String ENDPOINT_PREFIX = "AWS_ENDPOINT_URL_";
  public static final String TABLE = "CHAOSFN_TABLE";
  public static final String JOURNALS_BUCKET = "CHAOSFN_JOURNALS_BUCKET";
  public static final String EXPERIMENTS_BUCKET = "CHAOSFN_EXPERIMENTS_BUCKET";
  public static final String EXPERIMENTS_PREFIX = "CHAOSFN_EXPERIMENTS_PREFIX";
  public static final String EVENT_BUS = "CHAOSFN_EVENT_BUS";
  public static final String ROLLBACK_RESERVE = "CHAOSFN_ROLLBACK_RESERVE_SECONDS";
  public static final String EXPERIMENT_ENV_PREFIX = "CHAOSFN_EXPERIMENT_ENV_PREFIX";
  public static final String PROCESS_PROVIDER = "CHAOSFN_PROCESS_PROVIDER";
  public static final String EKS_CLUSTER = "CHAOSFN_EKS_CLUSTER";
  public static final String EKS_ENDPOINT = "CHAOSFN_EKS_ENDPOINT";
  public static final String EKS_CA_DATA = "CHAOSFN_EKS_CA_DATA";
  public static final String WEBHOOK_SECRET_ID = "CHAOSFN_WEBHOOK_SECRET_ID";
  public static final String WEBHOOK_SECRET_TTL = "CHAOSFN_WEBHOOK_SECRET_TTL_SECONDS";
  public static final String SLACK_TOKEN_SECRET_ID = "CHAOSFN_SLACK_TOKEN_SECRET_ID";
  /** The bot token in plain text: for the sandbox only, so not in {@link #VARIABLES}. */
  public static final String SLACK_BOT_TOKEN = "SLACK_BOT_TOKEN";
  public static final String SCHEDULE_GROUP = "CHAOSFN_SCHEDULE_GROUP";
  public static final String SCHEDULE_TARGET_ARN = "CHAOSFN_SCHEDULE_TARGET_ARN";
  public static final String SCHEDULER_ROLE_ARN = "CHAOSFN_SCHEDULER_ROLE_ARN";

  /** What the template sets (required or optional). */
  public static final List<String> VARIABLES = List.of(TABLE, JOURNALS_BUCKET, EXPERIMENTS_BUCKET, EXPERIMENTS_PREFIX, EVENT_BUS,
      ROLLBACK_RESERVE, EXPERIMENT_ENV_PREFIX, PROCESS_PROVIDER, EKS_CLUSTER, EKS_ENDPOINT, EKS_CA_DATA,
      WEBHOOK_SECRET_ID, WEBHOOK_SECRET_TTL, SlackVariables.CHANNEL, SlackVariables.API_URL,
      SlackVariables.JOURNAL_API_URL, SLACK_TOKEN_SECRET_ID);
  /**
   * What the template sets for ScheduleSync alone: the target is the RunExperiment function, which cannot name
   * itself in its own environment. {@link ScheduleSyncHandler#VARIABLES} points the contract test here.
   */
  public static final List<String> SCHEDULE_VARIABLES = List.of(SCHEDULE_GROUP, SCHEDULE_TARGET_ARN,
      SCHEDULER_ROLE_ARN);
  /** What the Lambda runtime sets by itself; {@code AWS_ENDPOINT_URL_*} only the sandbox and tests set. */
  public static final List<String> RUNTIME_VARIABLES = List.of(REGION, AwsCredentialVariables.ACCESS_KEY_ID,
      AwsCredentialVariables.SECRET_ACCESS_KEY, AwsCredentialVariables.SESSION_TOKEN, CONTAINER_CREDENTIALS_URI,
      CONTAINER_AUTHORIZATION_TOKEN, FUNCTION_NAME);
  /** The services whose endpoint may be overridden, as {@code AWS_ENDPOINT_URL_<name>}. */
  public static final List<String> SERVICES = List.of("DYNAMODB", "S3", "EVENTBRIDGE", "SECRETSMANAGER",
      "SCHEDULER");

  static final String DEFAULT_EXPERIMENT_ENV_PREFIX = "CHAOSFN_EXPERIMENT_";
  static final Duration DEFAULT_ROLLBACK_RESERVE = Duration.ofSeconds(60);
  static final Duration DEFAULT_WEBHOOK_SECRET_TTL = Duration.ofMinutes(5);

  public Settings {
    endpoints = Map.copyOf(endpoints);
    experimentEnvironment = Map.copyOf(experimentEnvironment);
  }

  public static Settings fromEnvironment() {
    return from(System.getenv());
  }

  /**
   * @throws InvalidSettingsException naming every missing or malformed variable
   */
  public static Settings from(Map<String, String> env) {
    Reader read = new Reader(env);
    String region = read.required(REGION);
    AwsCredentialsProvider credentials = credentials(env, read);
    Map<String, URI> endpoints = new TreeMap<>();
    SERVICES.forEach(service -> read.uri(ENDPOINT_PREFIX + service).ifPresent(uri -> endpoints.put(service, uri)));
    String table = read.required(TABLE);
    String bucket = read.optional(EXPERIMENTS_BUCKET);
    String prefix = Optional.ofNullable(read.optional(EXPERIMENTS_PREFIX)).orElse("");
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      read.problem(EXPERIMENTS_PREFIX + " must end with '/', found '" + prefix + "'");
    }
    String eventBus = Optional.ofNullable(read.optional(EVENT_BUS)).orElse("default");
    Duration reserve = read.seconds(ROLLBACK_RESERVE, DEFAULT_ROLLBACK_RESERVE);
    String envPrefix = Optional.ofNullable(read.optional(EXPERIMENT_ENV_PREFIX)).orElse(DEFAULT_EXPERIMENT_ENV_PREFIX);
    if (!envPrefix.startsWith("CHAOSFN_") || envPrefix.length() <= "CHAOSFN_".length()) {
      read.problem(EXPERIMENT_ENV_PREFIX + " must start with CHAOSFN_ and name more than that (it keeps the"
          + " function's credentials out of experiments), found '" + envPrefix + "'");
    }
    Map<String, String> experimentEnvironment = env.entrySet().stream()
        .filter(e -> e.getKey().startsWith(envPrefix) && !e.getKey().equals(EXPERIMENT_ENV_PREFIX))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    boolean process = read.flag(PROCESS_PROVIDER, "enabled", "disabled");
    Optional<EksCluster> cluster = read.cluster();
    Duration secretTtl = read.seconds(WEBHOOK_SECRET_TTL, DEFAULT_WEBHOOK_SECRET_TTL);
    SlackVariables slack = read.slack();
    String tokenSecretId = read.optional(SLACK_TOKEN_SECRET_ID);
    String botToken = read.optional(SLACK_BOT_TOKEN);
    if (tokenSecretId != null && botToken != null) {
      read.problem(SLACK_TOKEN_SECRET_ID + " and " + SLACK_BOT_TOKEN + " are both set: the bot token comes from one");
    }
    Optional<ScheduleTarget> schedules = read.schedules();
    read.throwIfAny();
    return new Settings(region, credentials, read.optional(FUNCTION_NAME), endpoints, table,
        read.optional(JOURNALS_BUCKET), bucket, prefix,
        eventBus, reserve, experimentEnvironment, process, cluster, read.optional(WEBHOOK_SECRET_ID), secretTtl, slack,
        tokenSecretId, botToken, schedules);
  }

  /**
   * The access key variables when set (functions without SnapStart); else the container credentials endpoint,
   * which Lambda sets instead of them under SnapStart. Those are fetched when a client first signs a request, so
   * none are resolved into a snapshot; the provider refreshes them before they expire.
   */
  private static AwsCredentialsProvider credentials(Map<String, String> env, Reader read) {
    Optional<AwsCredentials> keys = AwsCredentialVariables.from(env);
    if (keys.isPresent()) {
      return StaticCredentialsProvider.create(keys.get());
    }
    String endpoint = read.optional(CONTAINER_CREDENTIALS_URI);
    if (endpoint != null) {
      return ContainerCredentialsProvider.builder().endpoint(endpoint).build();
    }
    read.problem(AwsCredentialVariables.ACCESS_KEY_ID + " and " + AwsCredentialVariables.SECRET_ACCESS_KEY
        + " are not both set, nor is " + CONTAINER_CREDENTIALS_URI + " (as under SnapStart)");
    return null;
  }

  /**
   * Names the experiment variables without their values: they may hold secrets. The credentials are named by
   * their source only: even a provider's description may carry a key id.
   */
  @Override
  public String toString() {
    return "Settings[region=" + region + ", credentials=" + credentials.getClass().getSimpleName()
        + ", functionName=" + functionName
        + ", endpoints=" + endpoints + ", table=" + table + ", journalsBucket=" + journalsBucket
        + ", experimentsBucket=" + experimentsBucket
        + ", experimentsPrefix=" + experimentsPrefix + ", eventBus=" + eventBus + ", rollbackReserve="
        + rollbackReserve + ", experimentEnvironment=" + new java.util.TreeSet<>(experimentEnvironment.keySet())
        + ", processProvider=" + processProvider + ", cluster=" + cluster + ", webhookSecretId=" + webhookSecretId
        + ", webhookSecretTtl=" + webhookSecretTtl + ", slack=" + slack + ", slackTokenSecretId="
        + slackTokenSecretId + ", slackBotToken=" + (slackBotToken == null ? "unset" : "set") + ", schedules=" + schedules
        + "]";
  }

  public Optional<URI> endpoint(String service) {
    return Optional.ofNullable(endpoints.get(service));
  }

  /** The deployment's EKS cluster: endpoint and CA from settings, not from DescribeCluster (decisions.md §6). */
  public record EksCluster(String name, String endpoint, String caData) {}

  /** The Scheduler group ScheduleSync writes to, and what its schedules invoke with which role. */
  public record ScheduleTarget(String group, String functionArn, String roleArn) {}

  /**
   * Thrown when the environment does not make valid settings, or lacks what the function being built needs; the
   * message lists every problem, each naming its variable.
   */
  public static final class InvalidSettingsException extends ChaosfnException {
    private static final long serialVersionUID = 1L;

    InvalidSettingsException(List<String> problems) {
      super("invalid function settings: " + String.join("; ", problems));
    }
  }

  /**
   * A setting only some functions need.
   *
   * @param purpose what needs it, for the message: "the webhook reads its keys from it"
   * @throws InvalidSettingsException naming the variable when it is not set
   */
  static String needed(String value, String variable, String purpose) {
    if (value == null) {
      throw new InvalidSettingsException(List.of(variable + " is not set: " + purpose));
    }
    return value;
  }

  /** Reads variables and collects problems, so one pass reports them all. */
  private static final class Reader {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    Reader(Map<String, String> env) {
      this.env = env;
    }

    String optional(String name) {
      String value = env.get(name);
      return value == null || value.isBlank() ? null : value;
    }

    String required(String name) {
      String value = optional(name);
      if (value == null) {
        problems.add(name + " is not set");
      }
      return value;
    }

    void problem(String message) {
      problems.add(message);
    }

    Optional<URI> uri(String name) {
      String value = optional(name);
      if (value == null) {
        return Optional.empty();
      }
      try {
        URI uri = URI.create(value);
        if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
          return Optional.of(uri);
        }
      } catch (IllegalArgumentException e) {
        // reported below with the value
      }
      problems.add(name + " must be an http(s) URL, found '" + value + "'");
      return Optional.empty();
    }

    Duration seconds(String name, Duration fallback) {
      String value = optional(name);
      if (value == null) {
        return fallback;
      }
      try {
        long seconds = Long.parseLong(value.strip());
        if (seconds >= 0) {
          return Duration.ofSeconds(seconds);
        }
      } catch (NumberFormatException e) {
        // reported below with the value
      }
      problems.add(name + " must be a whole number of seconds, zero or more, found '" + value + "'");
      return fallback;
    }

    boolean flag(String name, String on, String off) {
      String value = optional(name);
      if (value == null || value.equals(off)) {
        return false;
      }
      if (value.equals(on)) {
        return true;
      }
      problems.add(name + " must be '" + on + "' or '" + off + "', found '" + value + "'");
      return false;
    }

    Optional<EksCluster> cluster() {
      String name = optional(EKS_CLUSTER);
      String endpoint = optional(EKS_ENDPOINT);
      String ca = optional(EKS_CA_DATA);
      if (name == null && endpoint == null && ca == null) {
        return Optional.empty();
      }
      if (name == null || endpoint == null || ca == null) {
        problems.add(EKS_CLUSTER + ", " + EKS_ENDPOINT + " and " + EKS_CA_DATA + " are set together or not at all");
        return Optional.empty();
      }
      return Optional.of(new EksCluster(name, endpoint, ca));
    }

    /** The Web API URL must end with '/', as Slack's method URLs are appended to it. */
    SlackVariables slack() {
      Optional<URI> journalApi = uri(SlackVariables.JOURNAL_API_URL);
      Optional<URI> api = uri(SlackVariables.API_URL);
      api.filter(u -> !u.toString().endsWith("/")).ifPresent(u -> problems.add(SlackVariables.API_URL
          + " must end with '/', found '" + u + "'"));
      return new SlackVariables(optional(SlackVariables.CHANNEL), journalApi.orElse(null),
          api.map(URI::toString).filter(u -> u.endsWith("/")).orElse(null), null);
    }

    Optional<ScheduleTarget> schedules() {
      String target = optional(SCHEDULE_TARGET_ARN);
      String role = optional(SCHEDULER_ROLE_ARN);
      if (target == null && role == null) {
        return Optional.empty();
      }
      if (target == null || role == null) {
        problems.add(SCHEDULE_TARGET_ARN + " and " + SCHEDULER_ROLE_ARN + " are set together or not at all");
        return Optional.empty();
      }
      return Optional.of(new ScheduleTarget(Optional.ofNullable(optional(SCHEDULE_GROUP)).orElse("chaosfn"),
          target, role));
    }

    void throwIfAny() {
      if (!problems.isEmpty()) {
        throw new InvalidSettingsException(problems);
      }
    }
  }
}
