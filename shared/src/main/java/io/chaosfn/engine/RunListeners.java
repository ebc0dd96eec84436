package io.chaosfn.engine;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls every listener in order, isolating failures: only an interruption gets through (see {@link RunListener}). */
final class RunListeners {
  private static final Logger LOG = LoggerFactory.getLogger(RunListeners.class);
  private final List<RunListener> listeners;

  RunListeners(List<RunListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** These listeners followed by {@code more}. */
  RunListeners with(List<RunListener> more) {
    List<RunListener> all = new java.util.ArrayList<>(listeners);
    all.addAll(more);
    return new RunListeners(all);
  }

  /** Calls the hook on each listener; rethrows the first interruption after every listener had its call. */
  void fire(String hook, Consumer<RunListener> call) {
    RunInterruptedException interruption = null;
    for (RunListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RunInterruptedException e) {
        if (interruption == null) {
          interruption = e;
        }
      } catch (RuntimeException e) {
        LOG.warn("{} failed in {}; the run goes on: {}", listener.getClass().getSimpleName(), hook, e.toString());
        LOG.debug("listener failure", e);
      }
    }
    if (interruption != null) {
      throw interruption;
    }
  }

  /** Like {@link #fire}, for hooks after which nothing can be interrupted any more. */
  void fireQuietly(String hook, Consumer<RunListener> call) {
    try {
      fire(hook, call);
    } catch (RunInterruptedException e) {
      LOG.warn("an interruption requested in {} came after the run ended; ignored", hook);
    }
  }
}
