package io.chaosfn.engine;

import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.RunItem;
import io.chaosfn.engine.journal.SteadyState;
import io.chaosfn.experiment.Activity;
import io.chaosfn.experiment.Experiment;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** A control limited by its {@code scope} to the hooks before, or after, each step. */
final class Scoped implements RunListener {
  private final RunListener delegate;
  private final boolean before;
  private final boolean after;

  private Scoped(RunListener delegate, boolean before, boolean after) {
    this.delegate = delegate;
    this.before = before;
    this.after = after;
  }

  static RunListener wrap(String scope, RunListener listener) {
    if (scope == null) {
      return listener;
    }
    return new Scoped(listener, "before".equals(scope), "after".equals(scope));
  }

  @Override
  public void runStarted(Experiment experiment, Journal snapshot) {
    if (before) {
      delegate.runStarted(experiment, snapshot);
    }
  }

  @Override
  public void hypothesisStarting(Phase phase) {
    if (before) {
      delegate.hypothesisStarting(phase);
    }
  }

  @Override
  public void hypothesisCompleted(Phase phase, SteadyState state) {
    if (after) {
      delegate.hypothesisCompleted(phase, state);
    }
  }

  @Override
  public void methodStarting() {
    if (before) {
      delegate.methodStarting();
    }
  }

  @Override
  public void methodCompleted(List<RunItem> items) {
    if (after) {
      delegate.methodCompleted(items);
    }
  }

  @Override
  public void rollbacksStarting() {
    if (before) {
      delegate.rollbacksStarting();
    }
  }

  @Override
  public void rollbacksCompleted(List<RunItem> items) {
    if (after) {
      delegate.rollbacksCompleted(items);
    }
  }

  @Override
  public void activityStarting(Activity activity, Phase phase) {
    if (before) {
      delegate.activityStarting(activity, phase);
    }
  }

  @Override
  public void activityCompleted(Activity activity, Phase phase, RunItem item) {
    if (after) {
      delegate.activityCompleted(activity, phase, item);
    }
  }

  @Override
  public void runFinished(Journal journal) {
    delegate.runFinished(journal);
  }

  /** Not a step of the run: a scope does not limit what a control reports it failed to deliver. */
  @Override
  public List<ObjectNode> notifications() {
    return delegate.notifications();
  }
}
