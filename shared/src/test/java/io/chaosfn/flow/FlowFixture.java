package io.chaosfn.flow;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.ActivityProvider;
import io.chaosfn.activity.Providers;
import io.chaosfn.engine.RunContext;
import io.chaosfn.engine.Runner;
import io.chaosfn.engine.Sleeper;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.ExperimentParser;
import io.chaosfn.experiment.Problems;
import io.chaosfn.notify.EventPublisher;
import io.chaosfn.notify.NotificationOutcome;
import io.chaosfn.notify.Notifier;
import io.chaosfn.notify.PublishingFailedException;
import io.chaosfn.notify.RunFinished;
import io.chaosfn.store.ExperimentHistory;
import io.chaosfn.store.local.DirectoryExperimentSource;
import io.chaosfn.store.local.DirectoryJournalStore;
import io.chaosfn.store.local.InMemoryRunLock;
import io.chaosfn.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The run and sweep flows on their local implementations: experiments in a temporary directory, the directory
 * journal store, the in-memory lock, a recording publisher, a {@code python} provider that records each
 * {@code module.func} it runs (and advances the clock by its {@code takes_seconds} argument), and fake time
 * (pauses advance the clock).
 */
final class FlowFixture {
  static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
  static final Duration RESERVE = Duration.ofSeconds(60);

  final Path experimentsDir;
  final DirectoryExperimentSource experiments;
  final DirectoryJournalStore journals;
  final InMemoryRunLock locks = new InMemoryRunLock();
  final RecordingPublisher events = new RecordingPublisher();
  final List<String> calls = new CopyOnWriteArrayList<>();
  final MutableClock clock = new MutableClock(START);
  final ScriptedRollouts rollouts = new ScriptedRollouts();
  final RecordingNotifiers notifiers = new RecordingNotifiers();
  final RunEngine engine;
  final ExperimentParser parser;

  FlowFixture(Path temporary) {
    try {
      experimentsDir = Files.createDirectories(temporary.resolve("experiments"));
      journals = new DirectoryJournalStore(Files.createDirectories(temporary.resolve("journals")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    experiments = new DirectoryExperimentSource(experimentsDir);
    Providers providers = new Providers(List.of(new RecordingProvider()));
    parser = new ExperimentParser(providers, Map.of());
    Sleeper sleeper = (duration, stop, mark) -> {
      clock.advance(duration);
      return stop.requestedSince(mark);
    };
    engine = new RunEngine(new Runner(List.of()), providers, Map.of(), RESERVE, List.of(), clock, sleeper,
        new RunContext.Host("test-platform", "test-node"));
  }

  RunService runs() {
    return new RunService(experiments, parser, journals, locks, events, engine, "prod", rollouts, notifiers);
  }

  SweepService sweeps() {
    return new SweepService(experiments, parser, journals, locks, events, engine);
  }

  void write(String fileName, String yaml) {
    try {
      Files.writeString(experimentsDir.resolve(fileName), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A {@code python} provider standing in for native activities: records {@code module.func}, returns true. */
  private final class RecordingProvider implements ActivityProvider {
    @Override
    public String type() {
      return "python";
    }

    @Override
    public void validate(ObjectNode provider, String activityName, String activityType, JsonNode extension,
        Problems problems) {
      if (provider.path("func").asString("").isEmpty()) {
        problems.at("func").add("a recorded activity needs a func");
      }
    }

    @Override
    public JsonNode run(ObjectNode provider, ActivityContext context) {
      calls.add(provider.path("module").asString("") + "." + provider.path("func").asString(""));
      clock.advance(Duration.ofSeconds(provider.path("arguments").path("takes_seconds").asLong(0)));
      return BooleanNode.TRUE;
    }
  }

  /** Records published events; fails every publish once told to. */
  static final class RecordingPublisher implements EventPublisher {
    final List<RunFinished> published = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public String publish(RunFinished event) {
      if (failing) {
        throw new PublishingFailedException("bus unreachable", null);
      }
      published.add(event);
      return "event-" + published.size();
    }
  }

  /**
   * A rollout that becomes healthy after {@code healthyAfter} of fake time (never when null); each wait records its
   * limit and advances the clock by the time it waited.
   */
  final class ScriptedRollouts implements RolloutWatch {
    final List<Duration> limits = new CopyOnWriteArrayList<>();
    volatile Duration healthyAfter = Duration.ZERO;

    @Override
    public boolean awaitHealthy(Rollout rollout, Duration limit) {
      limits.add(limit);
      boolean healthy = healthyAfter != null && healthyAfter.compareTo(limit) <= 0;
      clock.advance(healthy ? healthyAfter : limit);
      return healthy;
    }
  }

  /**
   * Makes a notifier for every run that records the previous history it was given and the journal it finished
   * with, and reports {@code failures} from {@code finish}.
   */
  static final class RecordingNotifiers implements RunNotifiers {
    final List<Optional<ExperimentHistory>> previous = new CopyOnWriteArrayList<>();
    final List<Journal> finished = new CopyOnWriteArrayList<>();
    volatile List<NotificationOutcome> failures = List.of();

    @Override
    public Optional<Notifier> forRun(Experiment experiment, RunContext.RunIdentity identity,
        ExperimentHistory history, RunContext.SecretRedaction redaction) {
      previous.add(Optional.ofNullable(history));
      return Optional.of(stored -> {
        finished.add(stored);
        return failures;
      });
    }
  }
}
