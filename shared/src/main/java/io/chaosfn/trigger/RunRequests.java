package io.chaosfn.trigger;

import java.util.List;

/**
 * Where requested runs go: in AWS, one {@code chaosfn.run.requested} EventBridge event per request (PutEvents),
 * which a rule delivers to {@code RunExperiment}. Narrow on purpose, so the EventBridge publisher of the run
 * notifications can implement it too.
 *
 * <p>Contract: when {@link #request} returns, every request was accepted; when it throws, some may have been
 * accepted and some not, and the caller may send them all again — a run started twice with the same run id runs
 * once, because run writes are keyed by run id.
 */
public interface RunRequests {
  /**
   * @throws io.chaosfn.ChaosfnException when not every request was accepted
   */
  void request(List<RunRequest> requests);
}
