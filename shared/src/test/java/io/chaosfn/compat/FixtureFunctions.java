package io.chaosfn.compat;

import static io.chaosfn.activity.Parameter.optional;
import static io.chaosfn.activity.Parameter.required;

import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.activity.NativeActivities;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.engine.Stop;
import io.chaosfn.engine.StopSignal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;

/**
 * Test-scope native stand-ins for the Python functions Chaos Toolkit's fixtures call (decisions.md §5): {@code
 * os.path.exists}, {@code pprint.pformat}, and the lib's own test modules {@code fixtures.fakeext}, {@code
 * fixtures.badstuff}, {@code fixtures.longpythonfunc}, {@code fixtures.interrupter} and the CLI's {@code
 * tests.fixtures.force_failure}. Each does what its Python function does; one instance per run, because {@code
 * fixtures.badstuff} keeps a module-level counter.
 *
 * <p>Not stood in, so the fixtures naming them stay invalid as in Chaos Toolkit: {@code fake.module} (meant to be
 * unimportable), {@code random.choice} and {@code builtins.sum} (Python artefacts, see INDEX.md).
 */
final class FixtureFunctions implements NativeActivities {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final AtomicInteger counter = new AtomicInteger();
  private final StopSignal stop;
  private final Path workingDirectory;

  /**
   * @param stop the run's stop signal: {@code chaoslib.exit.exit_gracefully} and {@code exit_ungracefully} send the
   *     process SIGUSR1 / SIGUSR2, which the stand-ins turn into the stops those signals make
   * @param workingDirectory what relative paths are resolved against (Python's current directory)
   */
  FixtureFunctions(StopSignal stop, Path workingDirectory) {
    this.stop = stop;
    this.workingDirectory = workingDirectory;
  }

  @Override
  public Collection<NativeActivity> activities() {
    return List.of(
        new StandIn("os.path", "exists", List.of(required("path")),
            args -> NODES.booleanNode(Files.exists(workingDirectory.resolve(args.get("path").asString())))),
        new StandIn("pprint", "pformat", List.of(required("object")),
            args -> NODES.stringNode(args.get("object").toString())),
        new StandIn("fixtures.fakeext", "echo_message", List.of(required("message")), args -> args.get("message")),
        new StandIn("fixtures.fakeext", "do_nothing", List.of(), args -> NullNode.getInstance()),
        new StandIn("fixtures.fakeext", "force_failed_activity", List.of(), args -> {
          throw new ActivityFailedException("this activity was forced to fail");
        }),
        new StandIn("fixtures.fakeext", "force_interrupting_experiment", List.of(), args -> {
          stop.request(Stop.control("fixtures.fakeext", "force_interrupting_experiment"), false);
          return NullNode.getInstance();
        }),
        new StandIn("fixtures.badstuff", "raise_exception", List.of(), args -> {
          throw new IllegalStateException("oops");
        }),
        new StandIn("fixtures.badstuff", "count_generator", List.of(),
            args -> NODES.numberNode(counter.getAndIncrement())),
        new StandIn("fixtures.badstuff", "cleanup_counter", List.of(), args -> {
          counter.set(0);
          return NullNode.getInstance();
        }),
        new StandIn("fixtures.badstuff", "check_under_treshold", List.of(optional("value"), optional("target")),
            args -> NODES.booleanNode(args.path("value").asInt(0) < args.path("target").asInt(5))),
        new StandIn("fixtures.longpythonfunc", "be_long", List.of(optional("howlong")), args -> {
          stop.await(seconds(args.get("howlong"), 5), stop.mark());
          return NullNode.getInstance();
        }),
        new StandIn("fixtures.interrupter", "interrupt_gracefully_in", List.of(optional("seconds")),
            args -> signalAfter(args.get("seconds"), true)),
        new StandIn("fixtures.interrupter", "interrupt_ungracefully_in", List.of(optional("seconds")),
            args -> signalAfter(args.get("seconds"), false)),
        new StandIn("tests.fixtures.force_failure", "kaboom", List.of(), args -> {
          throw new ActivityFailedException("kaboom");
        }));
  }

  private JsonNode signalAfter(JsonNode seconds, boolean graceful) {
    stop.await(seconds(seconds, 1.5), stop.mark());
    stop.request(Stop.signal(graceful ? "SIGUSR1" : "SIGUSR2", graceful), !graceful);
    return NullNode.getInstance();
  }

  private static Duration seconds(JsonNode value, double fallback) {
    double seconds = value == null || value.isNull() ? fallback : value.asDouble();
    return Duration.ofMillis((long) (seconds * 1000));
  }
}
