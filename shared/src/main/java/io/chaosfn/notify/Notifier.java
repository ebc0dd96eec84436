package io.chaosfn.notify;

import io.chaosfn.engine.RunListener;
import io.chaosfn.engine.journal.Journal;
import java.util.List;

/**
 * Tells people about one run. The engine calls its {@link RunListener} hooks while the run goes on; whatever it
 * fails to deliver then, it reports through {@link RunListener#notifications()}, so the runner writes it into the
 * journal's {@code chaosfn.notifications}. Its last message waits for {@link #finish}, which the flow calls after
 * the journal is stored, so a notification service that is down or slow never delays or loses the journal.
 *
 * <p>A notifier never throws from its hooks or from {@link #finish}: failures are outcomes, not exceptions.
 * One notifier serves one run.
 */
public interface Notifier extends RunListener {
  /**
   * Sends the run's final message.
   *
   * @param stored the journal as stored
   * @return what failed in this call, for the flow to append to the stored journal with
   *     {@link JournalNotifications#append}; empty when everything was delivered
   */
  List<NotificationOutcome> finish(Journal stored);
}
