package io.chaosfn.engine.control;

import io.chaosfn.engine.RunInterruptedException;
import io.chaosfn.engine.RunListener;
import io.chaosfn.engine.Stop;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.experiment.Control;
import io.chaosfn.experiment.Experiment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Native {@code chaosaddons.controls.safeguards}: probes that must hold while the experiment runs, given as the
 * control's {@code probes} argument. A probe without {@code background} or {@code frequency} is checked once
 * before anything runs; {@code background: true} is checked once alongside the run; {@code frequency: N}
 * every N seconds until the rollbacks start. The first probe out of its tolerance interrupts the run with cause
 * {@code safeguard}; rollbacks then play unless the strategy is {@code never} (decisions.md §1).
 */
public final class Safeguards implements NativeControl {
  public static final String MODULE = "chaosaddons.controls.safeguards";

  @Override
  public String module() {
    return MODULE;
  }

  @Override
  public List<String> validate(ObjectNode provider) {
    List<String> problems = new ArrayList<>();
    JsonNode probes = provider.path("arguments").path("probes");
    if (!probes.isArray() || probes.isEmpty()) {
      problems.add("the safeguards control needs a non-empty 'probes' list in its arguments");
      return problems;
    }
    for (JsonNode probe : probes) {
      if (!probe.has("tolerance") || !probe.path("provider").isObject()) {
        problems.add("safeguard probe '" + probe.path("name").asString("?") + "' needs a provider and a tolerance");
      }
      JsonNode frequency = probe.get("frequency");
      if (frequency != null && (!frequency.isNumber() || frequency.asDouble() <= 0)) {
        problems.add("safeguard probe '" + probe.path("name").asString("?")
            + "' frequency must be a positive number of seconds");
      }
    }
    return problems;
  }

  @Override
  public RunListener create(Control declaration, ControlEnvironment environment) {
    return new Guard(declaration.provider().path("arguments").path("probes"), environment);
  }

  private static final class Guard implements RunListener {
    private static final Logger LOG = LoggerFactory.getLogger(Safeguards.class);
    private final JsonNode probes;
    private final ControlEnvironment environment;
    private ScheduledExecutorService checks;

    Guard(JsonNode probes, ControlEnvironment environment) {
      this.probes = probes;
      this.environment = environment;
    }

    @Override
    public void runStarted(Experiment experiment, Journal snapshot) {
      List<JsonNode> watched = new ArrayList<>();
      for (JsonNode probe : probes) {
        if (probe.path("background").asBoolean(false) || probe.has("frequency")) {
          watched.add(probe);
        } else {
          ControlEnvironment.ProbeVerdict verdict = environment.check(probe);
          if (!verdict.met()) {
            throw new RunInterruptedException(Stop.safeguard(verdict.name(), verdict.reason()));
          }
        }
      }
      if (!watched.isEmpty()) {
        checks = Executors.newScheduledThreadPool(Math.min(watched.size(), 4), runnable -> {
          Thread thread = new Thread(runnable, "chaosfn-safeguard");
          thread.setDaemon(true);
          return thread;
        });
        for (JsonNode probe : watched) {
          if (probe.has("frequency")) {
            long millis = (long) (probe.get("frequency").asDouble() * 1000);
            checks.scheduleWithFixedDelay(() -> check(probe), 0, millis, TimeUnit.MILLISECONDS);
          } else {
            checks.execute(() -> check(probe));
          }
        }
      }
    }

    private void check(JsonNode probe) {
      ControlEnvironment.ProbeVerdict verdict = environment.check(probe);
      if (!verdict.met()) {
        LOG.warn("safeguard '{}' failed: {}; interrupting the run", verdict.name(), verdict.reason());
        environment.stop().request(Stop.safeguard(verdict.name(), verdict.reason()), true);
        stopChecks();
      }
    }

    @Override
    public void rollbacksStarting() {
      stopChecks();
    }

    @Override
    public void runFinished(Journal journal) {
      stopChecks();
    }

    private synchronized void stopChecks() {
      if (checks != null) {
        checks.shutdownNow();
      }
    }
  }
}
