package io.chaosfn.notify;

/**
 * Announces finished runs to other systems ({@code chaosfn.run.finished}). A failure to publish never changes a
 * run: the caller records it in the journal's {@code chaosfn.notifications} (decisions.md §1).
 *
 * <p>Safe for concurrent callers.
 */
public interface EventPublisher {
  /**
   * Publishes one event.
   *
   * @return the id the bus gave the event
   * @throws PublishingFailedException when the event was not accepted; the message says why
   */
  String publish(RunFinished event);
}
