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
import io.chaosfn.kubernetes.GuardrailPolicy;
import io.chaosfn.kubernetes.KubernetesActivities;
import io.chaosfn.kubernetes.auth.ClusterClients;
import io.chaosfn.store.JournalStore;
import io.chaosfn.store.local.DirectoryJournalStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The CLI's composition root: every provider, the native activities and controls, and the journal store.
 * Production registers no extra activities; tests add their stand-ins through {@link ChaosfnCommand#execute(String[],
 * CliEnvironment, NativeActivities)}.
 */
final class CliComponents {
  static final String STORE_VARIABLE = "CHAOSFN_STORE";
  private final CliEnvironment environment;
  private final ActivityRegistry registry;
  private final Providers providers;
  private final List<NativeControl> controls;

  /** @param extraActivities native activities registered besides the built-in ones (none in production) */
  CliComponents(CliEnvironment environment, NativeActivities extraActivities) {
    this.environment = environment;
    this.registry = new KubernetesActivities(
        new ClusterClients(Optional.empty(), this::awsCredentials, Clock.systemUTC()), GuardrailPolicy.defaults())
        .registerInto(ActivityRegistry.builder()).addAll(extraActivities).build();
    // The CLI runs on the user's own machine: every provider and every address is theirs to use.
    this.providers = new Providers(List.of(new HttpProvider(HttpPolicy.unrestricted()),
        new ProcessProvider(environment.variables()), new PythonProvider(registry)));
    this.controls = List.of(new Safeguards());
  }

  /**
   * Static credentials from the standard AWS variables, for EKS clusters named in an experiment's secrets. A
   * kubeconfig (with its own {@code aws eks get-token} exec entry) needs none.
   */
  private AwsCredentialsIdentity awsCredentials() {
    String key = environment.get("AWS_ACCESS_KEY_ID");
    String secret = environment.get("AWS_SECRET_ACCESS_KEY");
    if (key == null || secret == null) {
      throw new ActivityFailedException("EKS access needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the"
          + " environment, or a kubeconfig");
    }
    String session = environment.get("AWS_SESSION_TOKEN");
    return session == null ? AwsCredentialsIdentity.create(key, secret)
        : AwsSessionCredentialsIdentity.create(key, secret, session);
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
   * The store named by {@code --store}, else {@code CHAOSFN_STORE}, else {@code dir:~/.chaosfn/journals}.
   *
   * @throws CommandLine.ParameterException for a malformed store name (a usage error)
   */
  JournalStore store(String option, CommandLine commandLine) {
    String name = option != null ? option : environment.get(STORE_VARIABLE);
    if (name == null || name.isBlank()) {
      return new DirectoryJournalStore(environment.home().resolve(".chaosfn").resolve("journals"));
    }
    if (name.startsWith("dir:") && name.length() > 4) {
      String path = name.substring(4);
      return new DirectoryJournalStore(path.startsWith("~/") ? environment.home().resolve(path.substring(2))
          : Path.of(path));
    }
    throw new CommandLine.ParameterException(commandLine,
        "unknown store '" + name + "': expected dir:PATH (a DynamoDB store, dynamodb:TABLE, needs AWS settings"
            + " this build of the CLI does not read yet)");
  }
}
