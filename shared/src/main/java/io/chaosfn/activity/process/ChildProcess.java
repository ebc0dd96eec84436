package io.chaosfn.activity.process;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.ActivityFailedException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A started child: its two streams drained concurrently, its tree killed on timeout or interruption. */
final class ChildProcess {
  /** How long the output of a killed tree may take to close before the failure is reported anyway. */
  private static final long DRAIN_AFTER_KILL_MILLIS = 2_000;

  private final Process process;
  private final StreamCapture stdout;
  private final StreamCapture stderr;

  ChildProcess(Process process, int maxOutputBytes, Executor readers) {
    this.process = process;
    closeInput(process);
    this.stdout = new StreamCapture(process.getInputStream(), maxOutputBytes, readers);
    this.stderr = new StreamCapture(process.getErrorStream(), maxOutputBytes, readers);
  }

  /** The child gets an empty stdin: one that waits for input ends instead of hanging the run. */
  private static void closeInput(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Nothing was written, so nothing can be lost: the child simply exited already.
    }
  }

  JsonNode await(Optional<Duration> timeout, ActivityContext context) {
    try {
      if (timeout.isPresent()) {
        long deadline = System.nanoTime() + timeout.get().toNanos();
        if (!process.waitFor(timeout.get().toNanos(), TimeUnit.NANOSECONDS)) {
          killTree();
          throw new ActivityFailedException("process activity took too long to complete");
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        // A background grandchild may hold the pipes open after the child exits: the timeout bounds that too.
        if (!stdout.awaitEnd(left) || !stderr.awaitEnd(Math.max(1, left))) {
          throw new ActivityFailedException("process activity took too long to complete");
        }
      } else {
        process.waitFor();
        stdout.awaitEnd();
        stderr.awaitEnd();
      }
    } catch (InterruptedException e) {
      killTree();
      Thread.currentThread().interrupt();
      throw new ActivityFailedException("process activity was interrupted", e);
    }
    recordTruncation(context);
    return ProcessProvider.output(process.exitValue(), stdout.text(), stderr.text());
  }

  /**
   * Kills the child and everything it started. The descendants are listed before the child dies: once it is
   * gone they are re-parented and can no longer be found from it.
   */
  private void killTree() {
    List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList());
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(DRAIN_AFTER_KILL_MILLIS, TimeUnit.MILLISECONDS);
      CompletableFuture.allOf(descendants.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
          .get(DRAIN_AFTER_KILL_MILLIS, TimeUnit.MILLISECONDS);
      stdout.awaitEnd(DRAIN_AFTER_KILL_MILLIS);
      stderr.awaitEnd(DRAIN_AFTER_KILL_MILLIS);
    } catch (ExecutionException | TimeoutException e) {
      // A descendant that outlives SIGKILL this long is stuck in the kernel; the failure is reported anyway.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void recordTruncation(ActivityContext context) {
    if (stdout.droppedBytes() == 0 && stderr.droppedBytes() == 0) {
      return;
    }
    ObjectNode dropped = JsonNodeFactory.instance.objectNode();
    dropped.put("stdout", stdout.droppedBytes());
    dropped.put("stderr", stderr.droppedBytes());
    context.audit().record("output_bytes_dropped", dropped);
  }
}
