package io.chaosfn.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.chaosfn.Json;
import io.chaosfn.flow.SweepService;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import org.slf4j.MDC;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Sweeper (every 5 minutes): finishes runs whose function died, through {@link SweepService}. */
public final class SweeperHandler implements RequestStreamHandler {
  private final SweepService sweeps;
  private final Clock clock;

  public SweeperHandler() {
    this(Components.fromEnvironment().sweeps(), Clock.systemUTC());
  }

  SweeperHandler(SweepService sweeps, Clock clock) {
    this.sweeps = sweeps;
    this.clock = clock;
  }

  /** The scheduled event's content is not needed: every sweep looks at every run in progress. */
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) {
    MDC.put("request_id", context.getAwsRequestId());
    try {
      List<String> swept = sweeps.sweep(clock.instant().plusMillis(context.getRemainingTimeInMillis()));
      // A tree, not a Map: writing a Map loads the mapper's annotation introspection, some 50 ms of a cold start.
      ObjectNode answer = JsonNodeFactory.instance.objectNode();
      swept.forEach(answer.putArray("interrupted")::add);
      Json.MAPPER.writeValue(output, answer);
    } finally {
      MDC.clear();
    }
  }
}
