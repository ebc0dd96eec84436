package io.chaosfn.functions.cli;

import io.chaosfn.ChaosfnException;
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
import io.chaosfn.functions.SlackVariables;
import io.chaosfn.kubernetes.GuardrailPolicy;
import io.chaosfn.notify.slack.SlackCredentials;
import io.chaosfn.notify.slack.SlackNotifications;
import io.chaosfn.kubernetes.KubernetesActivities;
import io.chaosfn.kubernetes.auth.ClusterClients;
import java.util.ArrayList;
import java.time.Clock;
import java.util.Optional;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The CLI's composition root for running and validating: every provider, the native activities and controls.
 * Production registers no extra activities; tests add their stand-ins through {@link ChaosfnCommand#execute(String[],
 * CliEnvironment, NativeActivities)}.
 */
final class CliComponents {
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
   * Slack when configured ({@link SlackVariables}), the bot token from {@code SLACK_BOT_TOKEN} as {@code chaosslack}
   * reads it.
   */
  private static Optional<SlackNotifications> slack(CliEnvironment environment) {
    SlackVariables variables;
    try {
      variables = SlackVariables.from(environment.variables());
    } catch (IllegalArgumentException e) {
      throw new ChaosfnException(e.getMessage(), e);
    }
    return variables.notifications(SlackCredentials.fromEnvironment(environment.variables()));
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
}
