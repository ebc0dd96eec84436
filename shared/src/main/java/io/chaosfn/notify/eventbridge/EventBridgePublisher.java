package io.chaosfn.notify.eventbridge;

import io.chaosfn.notify.EventPublisher;
import io.chaosfn.notify.RunFinished;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Publishes run events to an EventBridge bus with one PutEvents call each, source {@code chaosfn}. */
public final class EventBridgePublisher implements EventPublisher {
  public static final String SOURCE = "chaosfn";

  private final EventBus bus;

  public EventBridgePublisher(EventBridgeClient client, String busName) {
    this.bus = new EventBus(client, busName);
  }

  @Override
  public String publish(RunFinished event) {
    return bus.put(List.of(new EventBus.Event(SOURCE, RunFinished.DETAIL_TYPE, event.detail().toString()))).get(0);
  }
}
