package io.chaosfn.notify.eventbridge;

import io.chaosfn.trigger.RunRequest;
import io.chaosfn.trigger.RunRequests;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Requests runs as {@code chaosfn.run.requested} events on an EventBridge bus (source {@value #SOURCE}, detail
 * {@link RunRequest#detail()}), which a rule delivers to {@code RunExperiment}; at most ten per PutEvents call.
 * A rejected entry fails the whole request, so the webhook forgets the delivery and the sender retries it: the
 * entries that were accepted run once, because the retry carries the same run ids.
 */
public final class EventBridgeRunRequests implements RunRequests {
  public static final String SOURCE = "chaosfn.webhook";

  private final EventBus bus;

  public EventBridgeRunRequests(EventBridgeClient client, String busName) {
    this.bus = new EventBus(client, busName);
  }

  /**
   * @throws io.chaosfn.notify.PublishingFailedException when a call failed or an entry was rejected
   */
  @Override
  public void request(List<RunRequest> requests) {
    bus.put(requests.stream()
        .map(request -> new EventBus.Event(SOURCE, RunRequest.DETAIL_TYPE, request.detail().toString()))
        .toList());
  }
}
