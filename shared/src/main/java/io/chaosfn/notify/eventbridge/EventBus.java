package io.chaosfn.notify.eventbridge;

import io.chaosfn.notify.PublishingFailedException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * PutEvents on one bus, for every chaosfn event: batches of at most {@value #MAX_ENTRIES_PER_CALL} entries (the
 * API's limit), SDK failures translated, and the per-entry rejections PutEvents reports with a 200 status turned
 * into a failure.
 */
final class EventBus {
  static final int MAX_ENTRIES_PER_CALL = 10;

  private final EventBridgeClient client;
  private final String busName;

  EventBus(EventBridgeClient client, String busName) {
    this.client = client;
    this.busName = busName;
  }

  /** One event: who sends it, its {@code detail-type}, and its detail as JSON text. */
  record Event(String source, String detailType, String detail) {}

  /**
   * Puts every event, in order.
   *
   * @return the ids the bus gave the events, in the same order
   * @throws PublishingFailedException when a call failed or the bus rejected an entry; events of earlier
   *     batches, and the accepted entries of the failed one, were put
   */
  List<String> put(List<Event> events) {
    List<String> ids = new ArrayList<>(events.size());
    for (int from = 0; from < events.size(); from += MAX_ENTRIES_PER_CALL) {
      ids.addAll(putBatch(events.subList(from, Math.min(events.size(), from + MAX_ENTRIES_PER_CALL))));
    }
    return ids;
  }

  private List<String> putBatch(List<Event> batch) {
    List<PutEventsRequestEntry> entries = batch.stream().map(event -> PutEventsRequestEntry.builder()
        .eventBusName(busName)
        .source(event.source())
        .detailType(event.detailType())
        .detail(event.detail())
        .build()).toList();
    PutEventsResponse response;
    try {
      response = client.putEvents(put -> put.entries(entries));
    } catch (SdkException e) {
      throw new PublishingFailedException("EventBridge bus " + busName + ": PutEvents failed: " + e.getMessage(), e);
    }
    // PutEvents answers 200 even when it rejects entries: the failures are in the entries, not the status.
    List<PutEventsResultEntry> results = response.entries();
    List<PutEventsResultEntry> rejected = results.stream()
        .filter(result -> result.errorCode() != null || result.eventId() == null).toList();
    int failed = Math.max(rejected.size(), response.failedEntryCount() == null ? 0 : response.failedEntryCount());
    if (failed > 0 || results.size() != batch.size()) {
      String why = rejected.isEmpty() ? results.size() + " result entries for " + batch.size() + " events"
          : failed + " of " + batch.size() + " events rejected, first " + rejected.get(0).errorCode() + " "
              + rejected.get(0).errorMessage();
      throw new PublishingFailedException("EventBridge bus " + busName + " did not accept every event: " + why,
          null);
    }
    return results.stream().map(PutEventsResultEntry::eventId).toList();
  }
}
