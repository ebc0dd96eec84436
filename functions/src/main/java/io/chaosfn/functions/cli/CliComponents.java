package io.chaosfn.functions.cli;

import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.activity.ActivityRegistry;
import io.chaosfn.activity.NativeActivities;
import io.chaosfn.activity.PythonProvider;
import io.chaosfn.activity.Providers;
import io.chaosfn.activity.http.HttpPolicy;
import io.chaosfn.activity.http.HttpProvider;
import io.chaosfn.activity.process.ProcessProvider;
import io.chaosfn.engine.control.NativeControl;
import io.chaosfn.engine.control.Safeguards;
import io.chaosfn.experiment.ExperimentParser;
import io.chaosfn.functions.AwsCredentialVariables;
import io.chaosfn.functions.DynamoDbSettings;
import io.chaosfn.kubernetes.GuardrailPolicy;
import io.chaosfn.notify.slack.SlackCredentials;
import io.chaosfn.notify.slack.SlackNotifications;
import io.chaosfn.notify.slack.SlackSettings;
import io.chaosfn.kubernetes.KubernetesActivities;
import io.chaosfn.kubernetes.auth.ClusterClients;
import io.chaosfn.store.JournalStore;
import io.chaosfn.store.dynamodb.DynamoDbJournalStore;
import io.chaosfn.store.local.DirectoryJournalStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Clock;
import java.util.Optional;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The CLI's composition root: every provider, the native activities and controls, and the journal store.
 * Production registers no extra activities; tests add their stand-ins through {@link ChaosfnCommand#execute(String[],
 * CliEnvironment, NativeActivities)}.
 */
final class CliComponents {
  static final String STORE_VARIABLE = "CHAOSFN_STORE";
  private static final String DIRECTORY = "dir:";
  private static final String DYNAMODB = "dynamodb:";
  static final String SLACK_CHANNEL = "CHAOSFN_SLACK_CHANNEL";
  static final String SLACK_WEBHOOK_URL = "CHAOSFN_SLACK_WEBHOOK_URL";
  static final String JOURNAL_API_URL = "CHAOSFN_JOURNAL_API_URL";
  /** Another Slack-compatible API (the sandbox's local one); default Slack's own. */
  static final String SLACK_API_URL = "CHAOSFN_SLACK_API_URL";
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
  private final CliEnvironment environment;
  private final ActivityRegistry registry;
  private final Providers providers;
  private final List<NativeControl> controls;
  private final Optional<SlackNotifications> slack;

  /** @param extraActivities native activities registered besides the built-in ones (none in production) */
  CliComponents(CliEnvironment environment, NativeActivities extraActivities) {
    this.environment = environment;
    this.registry = new KubernetesActivities(
        new ClusterClients(Optional.empty(), this::awsCredentials, Clock.systemUTC()), GuardrailPolicy.defaults())
        .registerInto(ActivityRegistry.builder()).addAll(extraActivities).build();
    // The CLI runs on the user's own machine: every provider and every address is theirs to use.
    this.providers = new Providers(List.of(new HttpProvider(HttpPolicy.unrestricted()),
        new ProcessProvider(environment.variables()), new PythonProvider(registry)));
    this.slack = slack(environment);
    List<NativeControl> natives = new ArrayList<>(List.of(new Safeguards()));
    slack.ifPresent(s -> natives.add(s.control()));
    this.controls = List.copyOf(natives);
  }

  /**
   * Slack when configured: a bot token ({@code SLACK_BOT_TOKEN}, channel {@code CHAOSFN_SLACK_CHANNEL} unless the
   * experiment names one) or an incoming webhook ({@code CHAOSFN_SLACK_WEBHOOK_URL}), and the journal API's base
   * URL ({@code CHAOSFN_JOURNAL_API_URL}) for the link in each message; {@code CHAOSFN_SLACK_API_URL} points at
   * another Slack-compatible API. Without them nothing is posted and
   * {@code chaosslack.control} stays an ignored control, as decisions.md §4 says.
   */
  private static Optional<SlackNotifications> slack(CliEnvironment environment) {
    String channel = environment.get(SLACK_CHANNEL);
    String api = environment.get(JOURNAL_API_URL);
    SlackSettings defaults = SlackSettings.of(channel == null || channel.isBlank() ? null : channel,
        api == null || api.isBlank() ? null : URI.create(api));
    String slackApi = environment.get(SLACK_API_URL);
    SlackSettings settings = slackApi == null || slackApi.isBlank() ? defaults : defaults.withApiUrl(slackApi);
    String webhook = environment.get(SLACK_WEBHOOK_URL);
    if (webhook != null && !webhook.isBlank()) {
      return Optional.of(SlackNotifications.webhook(settings, webhook));
    }
    return SlackCredentials.fromEnvironment(environment.variables())
        .map(credentials -> SlackNotifications.bot(settings, credentials));
  }

  Optional<SlackNotifications> slack() {
    return slack;
  }

  /**
   * Static credentials from the standard AWS variables, for EKS clusters named in an experiment's secrets. A
   * kubeconfig (with its own {@code aws eks get-token} exec entry) needs none.
   */
  private AwsCredentialsIdentity awsCredentials() {
    return AwsCredentialVariables.from(environment.variables()).orElseThrow(() -> new ActivityFailedException(
        "EKS access needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment, or a kubeconfig"));
  }

  Providers providers() {
    return providers;
  }

  List<NativeControl> controls() {
    return controls;
  }

  ExperimentParser parser() {
    return new ExperimentParser(providers,
        controls.stream().collect(Collectors.toMap(NativeControl::module, c -> c::validate)));
  }

  /**
   * The store named by {@code --store}, else {@code CHAOSFN_STORE}, else {@code dir:~/.chaosfn/journals}:
   * {@code dir:PATH} or {@code dynamodb:TABLE}. The DynamoDB client is only built when a table is named, so
   * other commands never load the SDK's client classes.
   *
   * @throws CommandLine.ParameterException for a malformed store name or incomplete AWS settings (a usage error)
   */
  JournalStore store(String option, CommandLine commandLine) {
    String name = option != null ? option : environment.get(STORE_VARIABLE);
    if (name == null || name.isBlank()) {
      return new DirectoryJournalStore(environment.home().resolve(".chaosfn").resolve("journals"));
    }
    if (name.startsWith(DIRECTORY) && name.length() > DIRECTORY.length()) {
      String path = name.substring(DIRECTORY.length());
      return new DirectoryJournalStore(path.startsWith("~/") ? environment.home().resolve(path.substring(2))
          : Path.of(path));
    }
    if (name.startsWith(DYNAMODB) && TABLE_NAME.matcher(name.substring(DYNAMODB.length())).matches()) {
      return dynamoDbStore(name.substring(DYNAMODB.length()), commandLine);
    }
    throw new CommandLine.ParameterException(commandLine,
        "unknown store '" + name + "': expected dir:PATH or dynamodb:TABLE (a table name is 3-255 letters, digits,"
            + " '_', '-' or '.')");
  }

  private JournalStore dynamoDbStore(String table, CommandLine commandLine) {
    DynamoDbSettings settings;
    try {
      settings = DynamoDbSettings.from(environment.variables());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, "store dynamodb:" + table + ": " + e.getMessage());
    }
    return new DynamoDbJournalStore(settings.client(), table);
  }
}
