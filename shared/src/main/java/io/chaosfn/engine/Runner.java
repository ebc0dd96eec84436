package io.chaosfn.engine;

import io.chaosfn.activity.ActivityAudit;
import io.chaosfn.activity.ActivityContext;
import io.chaosfn.engine.control.ControlEnvironment;
import io.chaosfn.engine.control.NativeControl;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.JournalRecorder;
import io.chaosfn.engine.journal.RunItem;
import io.chaosfn.engine.journal.SteadyState;
import io.chaosfn.experiment.Activity;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.Hypothesis;
import io.chaosfn.experiment.HypothesisStrategy;
import io.chaosfn.experiment.Problem;
import io.chaosfn.experiment.RollbackStrategy;
import io.chaosfn.experiment.Substitution;
import io.chaosfn.experiment.tolerance.ToleranceContext;
import io.chaosfn.experiment.tolerance.Tolerances;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs an experiment as Chaos Toolkit's runner does (semantics §3): the hypothesis gate, the method (with a
 * continuous hypothesis for the strategies that ask for it), the after-check, the rollbacks per strategy, and
 * the status / deviated rules of §3.6. Interruptions follow decisions.md §1. The journal is returned in every
 * case: an interrupted or aborted run is still recorded whole.
 */
public final class Runner {
  private static final Logger LOG = LoggerFactory.getLogger(Runner.class);
  private static final Set<String> ENDING_STATUSES = Set.of(Journal.FAILED, Journal.INTERRUPTED, Journal.ABORTED);
  private final List<NativeControl> nativeControls;

  /** @param nativeControls the control modules run natively (safeguards, and test stand-ins) */
  public Runner(List<NativeControl> nativeControls) {
    this.nativeControls = List.copyOf(nativeControls);
  }

  /** A status set while the method runs (fail-fast, interruption, abort) stops it after the current activity. */
  private static boolean endsTheMethod(String status) {
    return status != null && ENDING_STATUSES.contains(status);
  }

  public Journal run(RunContext context) {
    return new Run(context).execute();
  }

  /** The state of one run; confined to the thread that calls {@link Runner#run}, but for the recorder. */
  private final class Run {
    private final RunContext context;
    private final Experiment experiment;
    private final Substitution substitution;
    private final JournalRecorder recorder;
    private final ControlSet controls;
    private final RunListeners listeners;
    private final ActivityExecution execution;

    Run(RunContext context) {
      this.context = context;
      this.experiment = context.experiment();
      this.substitution = new Substitution(context.configuration(), context.secrets());
      this.recorder = new JournalRecorder(context.clock(), context.host().platform(), context.host().node(),
          JournalExperiment.copy(experiment, substitution, context.dry(), context.redaction()), chaosfnObject(context));
      experiment.warnings().stream().map(Problem::toString).forEach(recorder::warning);
      this.controls = new ControlSet(nativeControls, new Environment());
      List<RunListener> all = new ArrayList<>(context.listeners());
      all.addAll(controls.topLevel(experiment.controls()));
      this.listeners = new RunListeners(all);
      this.execution = new ActivityExecution(context, listeners, substitution, recorder, controls);
    }

    Journal execute() {
      context.stop().bindRunner(Thread.currentThread());
      HypothesisStrategy strategy = context.hypothesisStrategy();
      Hypothesis hypothesis = strategy == HypothesisStrategy.SKIP ? null : experiment.hypothesis();
      Continuous continuous = null;
      try {
        listeners.fire("runStarted", l -> l.runStarted(experiment, recorder.snapshot()));
        boolean gateMet = true;
        if (hypothesis != null && strategy.checksBefore()) {
          SteadyState before = evaluate(hypothesis, Phase.BEFORE);
          recorder.before(before);
          if (!before.steadyStateMet()) {
            gateMet = false;
            recorder.status(before.probeFailed() ? Journal.FAILED : Journal.COMPLETED);
          }
        }
        if (gateMet) {
          if (hypothesis != null && strategy.checksDuring()) {
            continuous = new Continuous(hypothesis);
            continuous.start();
          }
          method();
          if (continuous != null) {
            continuous.finish();
          }
          // Semantics §3.2 step 13: a method cut short by fail-fast (`failed`) still gets its after-check, which
          // decides the outcome; only an interrupted or aborted run skips it.
          String status = recorder.status();
          if (!Journal.INTERRUPTED.equals(status) && !Journal.ABORTED.equals(status)
              && hypothesis != null && strategy.checksAfter()) {
            SteadyState after = evaluate(hypothesis, Phase.AFTER);
            recorder.after(after);
            if (!after.steadyStateMet()) {
              recorder.deviated(true);
              recorder.status(after.probeFailed() ? Journal.FAILED : Journal.COMPLETED);
            }
          }
        }
      } catch (RunInterruptedException e) {
        interrupted(e.stop());
      } catch (RunAbortedException e) {
        aborted(e);
      } catch (RuntimeException e) {
        LOG.error("the run broke outside any activity; recorded as aborted", e);
        aborted(e);
      } finally {
        if (continuous != null) {
          continuous.finish();
        }
        Thread.interrupted();
      }
      rollbacks();
      recorder.statusIfUnset(Journal.COMPLETED);
      context.stop().bindRunner(null);
      listeners.fireQuietly("notifications", l -> l.notifications().forEach(recorder::notification));
      Journal journal = recorder.snapshot();
      listeners.fireQuietly("runFinished", l -> l.runFinished(journal));
      return journal;
    }

    private void interrupted(Stop stop) {
      // A hook that throws has not requested the stop yet; the rollback decision reads it from the signal.
      context.stop().request(stop, false);
      recorder.status(Journal.INTERRUPTED);
      recorder.stop(stop.toJson());
      LOG.warn("run interrupted: {}", stop.toJson());
    }

    private void aborted(RuntimeException e) {
      recorder.status(Journal.ABORTED);
      recorder.warning("aborted: " + context.redaction().redact(String.valueOf(e.getMessage())));
    }

    private void method() {
      listeners.fire("methodStarting", RunListener::methodStarting);
      block(experiment.method(), Phase.METHOD);
      listeners.fire("methodCompleted", l -> l.methodCompleted(recorder.items(false)));
    }

    /** Runs a list of activities; background ones concurrently, all waited for at the end of the block. */
    private void block(List<Activity> activities, Phase phase) {
      long backgroundCount = activities.stream().filter(Activity::background).count();
      ExecutorService pool = backgroundCount == 0 ? null
          : Executors.newFixedThreadPool((int) backgroundCount, daemonThreads(phase));
      List<Future<RunItem>> background = new ArrayList<>();
      try {
        for (Activity activity : activities) {
          if (activity.background()) {
            background.add(pool.submit(() -> execution.execute(activity, phase)));
          } else {
            execution.execute(activity, phase);
          }
          if (phase == Phase.METHOD && endsTheMethod(recorder.status())) {
            break;
          }
        }
      } finally {
        if (pool != null) {
          awaitBackground(background, pool);
        }
      }
    }

    private void awaitBackground(List<Future<RunItem>> background, ExecutorService pool) {
      RuntimeException failure = null;
      for (Future<RunItem> future : background) {
        try {
          if (context.stop().current().map(s -> s.rollbacks() == Stop.Rollbacks.NONE).orElse(false)) {
            future.cancel(true);
          } else {
            future.get();
          }
        } catch (ExecutionException e) {
          if (failure == null && e.getCause() instanceof RuntimeException) {
            failure = (RuntimeException) e.getCause();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        } catch (java.util.concurrent.CancellationException e) {
          LOG.debug("background activity cancelled by an ungraceful stop");
        }
      }
      pool.shutdownNow();
      if (failure != null) {
        throw failure;
      }
    }

    private SteadyState evaluate(Hypothesis hypothesis, Phase phase) {
      RunListeners hypothesisListeners = controls.forHypothesis(hypothesis, listeners);
      hypothesisListeners.fire("hypothesisStarting", l -> l.hypothesisStarting(phase));
      List<RunItem> probes = new ArrayList<>();
      boolean met = true;
      for (Activity probe : hypothesis.probes()) {
        RunItem item = execution.execute(probe, phase);
        boolean within = item.succeeded() && withinTolerance(probe, item);
        probes.add(item.withToleranceMet(within));
        if (!within) {
          met = false;
          break;
        }
      }
      SteadyState state = new SteadyState(met, probes, JsonNodeFactory.instance.objectNode());
      hypothesisListeners.fire("hypothesisCompleted", l -> l.hypothesisCompleted(phase, state));
      return state;
    }

    private boolean withinTolerance(Activity probe, RunItem item) {
      if (context.dry() != null && context.dry().skipsTolerances()) {
        return true;
      }
      try {
        return Tolerances.isMet(probe.tolerance(), item.output(), new ToleranceRun());
      } catch (RuntimeException e) {
        // CTK difference: a tolerance that cannot be compared is "not met", not a crash without journal.
        LOG.warn("tolerance of probe '{}' could not be checked: {}", probe.name(), e.toString());
        return false;
      }
    }

    private void rollbacks() {
      if (!shouldPlayRollbacks()) {
        return;
      }
      execution.rollbacksStarting();
      try {
        listeners.fire("rollbacksStarting", RunListener::rollbacksStarting);
        block(experiment.rollbacks(), Phase.ROLLBACKS);
        listeners.fire("rollbacksCompleted", l -> l.rollbacksCompleted(recorder.items(true)));
      } catch (RunInterruptedException e) {
        if (!Journal.INTERRUPTED.equals(recorder.status())) {
          interrupted(e.stop());
        }
      } catch (RuntimeException e) {
        LOG.error("rollbacks broke outside any activity", e);
        recorder.warning("rollbacks aborted: " + context.redaction().redact(String.valueOf(e.getMessage())));
      }
    }

    /** Semantics §3.5 for ended runs; decisions.md §1 for interrupted ones. */
    private boolean shouldPlayRollbacks() {
      RollbackStrategy strategy = context.rollbackStrategy();
      if (Journal.INTERRUPTED.equals(recorder.status())) {
        Stop stop = context.stop().current().orElseThrow();
        switch (stop.rollbacks()) {
          case NONE:
            return false;
          case ONLY_ALWAYS:
            return strategy == RollbackStrategy.ALWAYS;
          default:
            return strategy != RollbackStrategy.NEVER;
        }
      }
      switch (strategy) {
        case ALWAYS:
          return true;
        case NEVER:
          return false;
        case DEVIATED:
          return recorder.deviated();
        default:
          return !Journal.FAILED.equals(recorder.status());
      }
    }

    /** The continuous hypothesis (semantics §3.3): checked in a loop while the method runs. */
    private final class Continuous {
      private final Hypothesis hypothesis;
      private final CountDownLatch methodDone = new CountDownLatch(1);
      private final Thread thread;
      private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

      Continuous(Hypothesis hypothesis) {
        this.hypothesis = hypothesis;
        this.thread = daemonThreads(Phase.DURING).newThread(this::loop);
      }

      void start() {
        thread.start();
      }

      private void loop() {
        int iteration = 0;
        int failed = 0;
        try {
          while (methodDone.getCount() > 0 && !endsTheMethod(recorder.status())) {
            iteration++;
            SteadyState state = evaluate(hypothesis, Phase.DURING);
            recorder.during(state);
            if (!state.steadyStateMet()) {
              failed++;
              if (context.failFast() && failed * 100.0 / iteration >= 0) {
                recorder.status(Journal.FAILED);
                return;
              }
            }
            if (methodDone.await(context.hypothesisFrequency().toNanos(), TimeUnit.NANOSECONDS)) {
              return;
            }
          }
        } catch (RunInterruptedException e) {
          LOG.debug("continuous hypothesis stopped by {}", e.stop().cause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
          failure.set(e);
          recorder.statusIfUnset(Journal.ABORTED);
          LOG.error("the continuous hypothesis broke; the run is aborted", e);
        }
      }

      void finish() {
        methodDone.countDown();
        try {
          thread.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private final class ToleranceRun implements ToleranceContext {
      @Override
      public JsonNode substitute(JsonNode node) {
        return substitution.apply(node);
      }

      @Override
      public JsonNode runProbe(ObjectNode probe) {
        ObjectNode substituted = substitution.applyToProvider((ObjectNode) probe.path("provider"));
        return context.providers().run(substituted, new ActivityContext(context.configuration(),
            JsonNodeFactory.instance.objectNode(), context.environment(), ActivityAudit.NONE, context.clock(),
            experiment.extension(), false));
      }
    }

    private final class Environment implements ControlEnvironment {
      @Override
      public Experiment experiment() {
        return experiment;
      }

      @Override
      public StopSignal stop() {
        return context.stop();
      }

      @Override
      public Clock clock() {
        return context.clock();
      }

      @Override
      public ProbeVerdict check(JsonNode probe) {
        String name = probe.path("name").asString("probe");
        try {
          ObjectNode substituted = substitution.applyToProvider((ObjectNode) probe.path("provider"));
          JsonNode output = context.providers().run(substituted, new ActivityContext(context.configuration(),
              JsonNodeFactory.instance.objectNode(), context.environment(), ActivityAudit.NONE, context.clock(),
              experiment.extension(), false));
          boolean met = Tolerances.isMet(probe.get("tolerance"), output, new ToleranceRun());
          return new ProbeVerdict(name, met, met ? "" : "output outside its tolerance: "
              + context.redaction().redact(String.valueOf(output)));
        } catch (RuntimeException e) {
          return new ProbeVerdict(name, false, context.redaction().redact(String.valueOf(e.getMessage())));
        }
      }
    }
  }

  private static ObjectNode chaosfnObject(RunContext context) {
    ObjectNode chaosfn = JsonNodeFactory.instance.objectNode();
    if (context.identity() != null) {
      chaosfn.put("run_id", context.identity().runId());
      chaosfn.set("trigger", context.identity().trigger().toJson());
      if (context.identity().source() != null) {
        chaosfn.set("experiment_source", context.identity().source().toJson());
      }
    }
    return chaosfn;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(Phase phase) {
    return runnable -> {
      Thread thread = new Thread(runnable, "chaosfn-" + phase.journalName());
      thread.setDaemon(true);
      return thread;
    };
  }
}
