package io.chaosfn.engine;

import io.chaosfn.activity.ActivityAudit;
import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.engine.journal.JournalRecorder;
import io.chaosfn.engine.journal.RunItem;
import io.chaosfn.experiment.Activity;
import io.chaosfn.experiment.Substitution;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one activity the way Chaos Toolkit does (semantics §1.7): before hooks, pause before, start, execute,
 * end, after hooks, pause after. A failure of the activity is its item's {@code failed} status, never an
 * exception; only an interruption or a broken document (an unresolved reference, a pause that is not a number)
 * escapes.
 */
final class ActivityExecution {
  private static final Logger LOG = LoggerFactory.getLogger(ActivityExecution.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** The last exception line keeps Chaos Toolkit's shape, which Slack and reporting tools parse. */
  static final String FAILURE_PREFIX = "chaoslib.exceptions.ActivityFailed: ";

  private final RunContext context;
  private final RunListeners listeners;
  private final Substitution substitution;
  private final JournalRecorder recorder;
  private final ControlSet controls;
  private final TimeGuard timeGuard;
  private volatile int rollbackMark;

  ActivityExecution(RunContext context, RunListeners listeners, Substitution substitution,
      JournalRecorder recorder, ControlSet controls) {
    this.context = context;
    this.timeGuard = new TimeGuard(context);
    this.listeners = listeners;
    this.substitution = substitution;
    this.recorder = recorder;
    this.controls = controls;
  }

  /**
   * Runs {@code activity}; for the method and rollbacks its item is reserved in the journal when it starts.
   *
   * @throws RunInterruptedException when a stop was requested before or while it ran
   * @throws RunAbortedException when the document makes the activity impossible to run
   */
  RunItem execute(Activity activity, Phase phase) {
    checkStop(phase);
    if (phase == Phase.METHOD) {
      timeGuard.check();
    }
    if (activity.missingRef() != null) {
      throw new RunAbortedException("could not find referenced activity '" + activity.missingRef() + "'");
    }
    RunListeners activityListeners = controls.forActivity(activity, listeners);
    activityListeners.fire("activityStarting", l -> l.activityStarting(activity, phase));
    boolean dry = context.dry() != null && context.dry().skips(activity.kind());
    boolean pauses = !dry && context.dry() != io.chaosfn.experiment.DryMode.PAUSE;
    if (pauses) {
      pause(activity.pauseBefore(), activity.name(), phase);
    }
    checkStop(phase);
    if (phase == Phase.METHOD) {
      timeGuard.check();
    }
    JournalRecorder.Slot slot = phase == Phase.METHOD || phase == Phase.ROLLBACKS
        ? recorder.started(phase == Phase.ROLLBACKS, activity.source()) : null;
    Map<String, JsonNode> audit = new LinkedHashMap<>();
    Instant start = context.clock().instant();
    RunItem item = run(activity, dry, start, audit);
    if (slot != null) {
      slot.complete(item);
      recorder.audit(slot.phase(), slot.index(), activity.name(), audit);
    } else {
      recorder.audit(phase.journalName(), -1, activity.name(), audit);
    }
    activityListeners.fire("activityCompleted", l -> l.activityCompleted(activity, phase, item));
    if (pauses) {
      pause(activity.pauseAfter(), activity.name(), phase);
    }
    return item;
  }

  /** Rollbacks started after the run's first stop still run; only a later stop interrupts them. */
  void rollbacksStarting() {
    rollbackMark = context.stop().mark();
  }

  private int markFor(Phase phase) {
    return phase == Phase.ROLLBACKS ? rollbackMark : 0;
  }

  private void checkStop(Phase phase) {
    context.stop().checkSince(markFor(phase));
  }

  private RunItem run(Activity activity, boolean dry, Instant start, Map<String, JsonNode> audit) {
    JsonNode output = NullNode.getInstance();
    String status = RunItem.SUCCEEDED;
    JsonNode exception = null;
    boolean native_ = "python".equals(activity.providerType());
    if (!dry || native_) {
      try {
        if (activity.provider() == null) {
          throw new ActivityFailedException("the activity has no provider");
        }
        ObjectNode provider = substitution.applyToProvider(activity.provider());
        ActivityContext activityContext = new ActivityContext(context.configuration(),
            secretsFor(provider), context.environment(), recording(audit), context.clock(),
            context.experiment().extension(), dry);
        JsonNode result = context.providers().run(provider, activityContext);
        output = dry ? NullNode.getInstance() : context.redaction().redact(result == null ? NullNode.getInstance() : result);
      } catch (ActivityFailedException e) {
        if (context.stop().isRequested() && Thread.interrupted()) {
          // The stop cancelled the activity mid-flight: its item keeps no status, as Chaos Toolkit's does.
          throw new RunInterruptedException(context.stop().current().orElseThrow());
        }
        if (dry) {
          LOG.warn("dry run of '{}' could not say what it would do: {}", activity.name(),
              context.redaction().redact(e.getMessage()));
        } else {
          status = RunItem.FAILED;
          exception = exceptionLines(e.getMessage());
        }
      } catch (RunInterruptedException e) {
        throw e;
      } catch (RuntimeException e) {
        // CTK difference: any provider error fails the activity; Chaos Toolkit aborts the run on some of them.
        // The message is redacted and the stack trace left out: either could carry a secret value.
        LOG.warn("activity '{}' broke unexpectedly: {}", activity.name(), context.redaction().redact(e.toString()));
        status = RunItem.FAILED;
        exception = exceptionLines(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    Instant end = context.clock().instant();
    return new RunItem(activity.source(), output, start, status, exception, end,
        io.chaosfn.engine.journal.Timestamps.secondsBetween(start, end), null, NODES.objectNode());
  }

  private JsonNode exceptionLines(String message) {
    String text = context.redaction().redact(message == null ? "" : message);
    return NODES.arrayNode().add(FAILURE_PREFIX + text + "\n");
  }

  /** The provider's listed secret scopes merged, later scopes overwriting earlier keys (semantics §1.4). */
  private ObjectNode secretsFor(ObjectNode provider) {
    ObjectNode merged = NODES.objectNode();
    for (JsonNode scope : provider.path("secrets").values()) {
      JsonNode values = context.secrets().path(scope.asString(""));
      if (values.isObject()) {
        merged.setAll((ObjectNode) values);
      }
    }
    return merged;
  }

  private static ActivityAudit recording(Map<String, JsonNode> audit) {
    return (key, value) -> {
      synchronized (audit) {
        audit.put(key, value);
      }
    };
  }

  private void pause(JsonNode declared, String activityName, Phase phase) {
    if (declared == null || declared.isNull()) {
      return;
    }
    JsonNode value = substitution.apply(declared);
    if (!value.isNumber()) {
      throw new RunAbortedException("the pause of activity '" + activityName + "' must be a number of seconds, found "
          + value);
    }
    Duration declaredDuration = Duration.ofNanos((long) (value.asDouble() * 1_000_000_000L));
    Duration duration = phase == Phase.METHOD ? timeGuard.fit(declaredDuration) : declaredDuration;
    if (context.sleeper().pause(duration, context.stop(), markFor(phase))) {
      checkStop(phase);
    }
    if (phase == Phase.METHOD) {
      timeGuard.check();
    }
  }
}
