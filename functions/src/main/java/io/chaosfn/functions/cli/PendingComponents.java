package io.chaosfn.functions.cli;

import io.chaosfn.activity.NativeActivities;
import io.chaosfn.experiment.document.DocumentReader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The CLI's components, built on a second thread while picocli reads the arguments on the first. Picocli, the
 * components (the activity registry, logging) and the first Jackson mapper each take a quarter or so of an empty
 * run's start-up, nearly all of it class loading and initialisation, and none needs another (docs/performance.md).
 * A command that needs no components never waits for them.
 */
final class PendingComponents {
  private final FutureTask<CliComponents> task;

  private PendingComponents(FutureTask<CliComponents> task) {
    this.task = task;
  }

  static PendingComponents start(CliEnvironment environment, NativeActivities extraActivities) {
    FutureTask<CliComponents> task = new FutureTask<>(() -> {
      CliComponents components = new CliComponents(environment, extraActivities);
      // Builds the strict document mapper, the first Jackson mapper of a run, before the main thread reads a
      // document with it.
      initialise(DocumentReader.class);
      return components;
    });
    Thread thread = new Thread(task, "chaosfn-components");
    // Never keeps the JVM alive: `--help` exits without waiting for components it does not use.
    thread.setDaemon(true);
    thread.start();
    return new PendingComponents(task);
  }

  private static void initialise(Class<?> type) throws ClassNotFoundException {
    Class.forName(type.getName(), true, type.getClassLoader());
  }

  /** Waits for the components; a failure to build them is thrown here, as if they were built on this thread. */
  CliComponents get() {
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the CLI was starting", e);
    }
  }
}
