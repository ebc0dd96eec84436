package io.chaosfn.engine;

import io.chaosfn.activity.Providers;
import io.chaosfn.engine.journal.ExperimentSourceRef;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.experiment.DryMode;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.HypothesisStrategy;
import io.chaosfn.experiment.RollbackStrategy;
import io.chaosfn.experiment.SecretMasker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything one run needs, in one value instead of eight parameters threaded through every call.
 *
 * @param configuration the resolved configuration (vars applied, env read, dynamic entries evaluated)
 * @param secrets the resolved secrets, scope to map
 * @param environment what activities may read of the environment (filtered in Lambda)
 * @param dry the dry mode, or null
 * @param deadline when the invocation must be over (Lambda), or null; with {@code rollbackReserve} it makes the
 *     time guard
 * @param secretValues the secret values to mask wherever run output is written
 */
public record RunContext(
    Experiment experiment,
    ObjectNode configuration,
    ObjectNode secrets,
    Map<String, String> environment,
    Providers providers,
    DryMode dry,
    HypothesisStrategy hypothesisStrategy,
    RollbackStrategy rollbackStrategy,
    Duration hypothesisFrequency,
    boolean failFast,
    Instant deadline,
    Duration rollbackReserve,
    List<RunListener> listeners,
    StopSignal stop,
    Clock clock,
    Sleeper sleeper,
    Host host,
    RunIdentity identity,
    SecretRedaction redaction) {
  public RunContext {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(providers, "providers");
    Objects.requireNonNull(hypothesisStrategy, "hypothesisStrategy");
    Objects.requireNonNull(rollbackStrategy, "rollbackStrategy");
    Objects.requireNonNull(stop, "stop");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    environment = Map.copyOf(environment);
    listeners = List.copyOf(listeners);
    if (hypothesisFrequency == null || hypothesisFrequency.isNegative()) {
      throw new IllegalArgumentException("hypothesis frequency must be zero or more seconds");
    }
    if (deadline != null && (rollbackReserve == null || rollbackReserve.isNegative())) {
      throw new IllegalArgumentException("a deadline needs a rollback reserve of zero or more");
    }
  }

  /** The machine the run happens on, as the journal's {@code platform} and {@code node}. */
  public record Host(String platform, String node) {}

  /** Who this run is, for the journal's {@code chaosfn} object. */
  public record RunIdentity(String runId, Trigger trigger, ExperimentSourceRef source) {
    public RunIdentity {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(trigger, "trigger");
    }
  }

  /** Replaces secret values in text and trees before they reach the journal, logs or output. */
  public interface SecretRedaction {
    String redact(String text);

    tools.jackson.databind.JsonNode redact(tools.jackson.databind.JsonNode node);

    /** Redaction by a masker of the run's resolved secrets. */
    static SecretRedaction masking(SecretMasker masker) {
      return new SecretRedaction() {
        @Override
        public String redact(String text) {
          return masker.mask(text);
        }

        @Override
        public tools.jackson.databind.JsonNode redact(tools.jackson.databind.JsonNode node) {
          return masker.mask(node);
        }
      };
    }

    SecretRedaction NONE = new SecretRedaction() {
      @Override
      public String redact(String text) {
        return text;
      }

      @Override
      public tools.jackson.databind.JsonNode redact(tools.jackson.databind.JsonNode node) {
        return node;
      }
    };
  }
}
