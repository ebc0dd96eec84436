package io.chaosfn.activity.process;

import static io.chaosfn.activity.ProviderFields.describe;
import static io.chaosfn.activity.ProviderFields.isPlaceholder;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.activity.ActivityProvider;
import io.chaosfn.experiment.Problems;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chaos Toolkit's {@code process} provider (semantics §1.4, §2.3): runs a program without a shell and outputs
 * {@code {"status": exit code, "stdout", "stderr"}}. A non-zero exit code is an output, not a failure; a
 * {@code timeout} kills the whole process tree and fails with {@code process activity took too long to
 * complete}.
 *
 * <p>The child's environment is exactly {@link ActivityContext#environment()}: in Lambda that is the filtered
 * map, so the function's credentials never reach a child. Thread-safe.
 */
public final class ProcessProvider implements ActivityProvider {
  /** Per stream: far above any CLI's useful output, small enough for a 256 MB process. */
  public static final int DEFAULT_MAX_OUTPUT_BYTES = 10 * 1024 * 1024;

  private final Map<String, String> hostEnvironment;
  private final int maxOutputBytes;
  /**
   * Drains the children's stdout and stderr. Idle threads are reused rather than two started per child: that
   * took a 200-probe run from 4.9 to 3.4 ms per probe (docs/performance.md). Daemon threads, so an abandoned
   * drain (a grandchild holding a pipe open) never keeps the JVM alive.
   */
  private final Executor outputReaders = Executors.newCachedThreadPool(new OutputReaderThreads());

  /**
   * @param hostEnvironment the environment of the validating machine: its {@code PATH} and {@code HOME} find
   *     programs at validation, and at run time when the activity's environment has none
   * @param maxOutputBytes the bytes of stdout, and of stderr, kept in the output; the rest is read and dropped
   */
  public ProcessProvider(Map<String, String> hostEnvironment, int maxOutputBytes) {
    if (maxOutputBytes <= 0) {
      throw new IllegalArgumentException("maxOutputBytes must be > 0, was " + maxOutputBytes);
    }
    this.hostEnvironment = Map.copyOf(hostEnvironment);
    this.maxOutputBytes = maxOutputBytes;
  }

  public ProcessProvider(Map<String, String> hostEnvironment) {
    this(hostEnvironment, DEFAULT_MAX_OUTPUT_BYTES);
  }

  @Override
  public String type() {
    return "process";
  }

  @Override
  public void validate(
      ObjectNode provider, String activityName, String activityType, JsonNode extension, Problems problems) {
    validatePath(provider.get("path"), activityName, problems.at("path"));
    JsonNode arguments = provider.get("arguments");
    if (arguments != null && !arguments.isNull() && !isPlaceholder(arguments)) {
      if (arguments.isObject()) {
        problems.at("arguments").warn("arguments as an object are deprecated in Chaos Toolkit; use a list");
      }
      try {
        ProcessArguments.command("", arguments);
      } catch (IllegalArgumentException e) {
        problems.at("arguments").add("cannot read the arguments: " + e.getMessage() + ", found "
            + describe(arguments));
      }
    }
    JsonNode timeout = provider.get("timeout");
    if (timeout != null && !timeout.isNull() && !(timeout.isNumber() && timeout.doubleValue() > 0)) {
      problems.at("timeout").add("expected a number of seconds > 0, found " + describe(timeout));
    }
  }

  private void validatePath(JsonNode path, String activityName, Problems problems) {
    if (path == null || path.isNull() || (path.isString() && path.stringValue().isEmpty())) {
      problems.add("a process activity must have a path");
    } else if (!path.isString()) {
      problems.add("expected the program's path as a string, found " + describe(path));
    } else if (!isPlaceholder(path)) {
      String raw = path.stringValue();
      Optional<Executables.Found> found = Executables.find(raw, hostEnvironment);
      if (found.isEmpty()) {
        problems.add("path '" + raw + "' cannot be found, in activity '" + activityName + "'");
      } else if (!found.get().executable()) {
        problems.add("no access permission to '" + raw + "', in activity '" + activityName + "'");
      }
    }
  }

  @Override
  public JsonNode run(ObjectNode provider, ActivityContext context) {
    String raw = provider.path("path").asString("");
    Map<String, String> lookup = new HashMap<>(hostEnvironment);
    lookup.putAll(context.environment());
    Executables.Found program = Executables.find(raw, lookup)
        .filter(Executables.Found::executable)
        .orElseThrow(() -> new ActivityFailedException("path '" + raw + "' cannot be found or is not executable"));
    List<String> command;
    try {
      command = ProcessArguments.command(program.path().toString(), provider.get("arguments"));
    } catch (IllegalArgumentException e) {
      throw new ActivityFailedException("cannot read the arguments of '" + raw + "': " + e.getMessage(), e);
    }
    JsonNode timeout = provider.get("timeout");
    Optional<Duration> limit = timeout == null || !timeout.isNumber()
        ? Optional.empty()
        : Optional.of(Duration.ofMillis(Math.max(1, Math.round(timeout.doubleValue() * 1000))));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(context.environment());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new ActivityFailedException("cannot start '" + raw + "': " + e.getMessage(), e);
    }
    return new ChildProcess(process, maxOutputBytes, outputReaders).await(limit, context);
  }

  private static final class OutputReaderThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable drain) {
      Thread thread = new Thread(drain, "process-output-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }

  /** The output object Chaos Toolkit returns. */
  static ObjectNode output(int status, String stdout, String stderr) {
    ObjectNode output = JsonNodeFactory.instance.objectNode();
    output.put("status", status);
    output.put("stdout", stdout);
    output.put("stderr", stderr);
    return output;
  }
}
