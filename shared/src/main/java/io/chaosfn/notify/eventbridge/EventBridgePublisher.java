package io.chaosfn.notify.eventbridge;

import io.chaosfn.notify.EventPublisher;
import io.chaosfn.notify.PublishingFailedException;
import io.chaosfn.notify.RunFinished;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** Publishes run events to an EventBridge bus with one PutEvents call each, source {@code chaosfn}. */
public final class EventBridgePublisher implements EventPublisher {
  public static final String SOURCE = "chaosfn";

  private final EventBridgeClient client;
  private final String busName;

  public EventBridgePublisher(EventBridgeClient client, String busName) {
    this.client = client;
    this.busName = busName;
  }

  @Override
  public String publish(RunFinished event) {
    PutEventsResponse response;
    try {
      response = client.putEvents(put -> put.entries(entry -> entry
          .eventBusName(busName)
          .source(SOURCE)
          .detailType(RunFinished.DETAIL_TYPE)
          .detail(event.detail().toString())));
    } catch (SdkException e) {
      throw new PublishingFailedException("EventBridge bus " + busName + ": PutEvents failed: " + e.getMessage(), e);
    }
    // PutEvents answers 200 even when it rejects an entry: the failure is in the entry, not the status.
    PutEventsResultEntry entry = response.entries().isEmpty() ? null : response.entries().get(0);
    if (entry == null || entry.errorCode() != null || entry.eventId() == null) {
      throw new PublishingFailedException("EventBridge bus " + busName + " rejected the event: "
          + (entry == null ? "no result entry" : entry.errorCode() + " " + entry.errorMessage()), null);
    }
    return entry.eventId();
  }
}
