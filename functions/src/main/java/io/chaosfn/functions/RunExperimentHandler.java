package io.chaosfn.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.chaosfn.Json;
import io.chaosfn.flow.RunRequest;
import io.chaosfn.flow.RunResult;
import io.chaosfn.flow.RunService;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.MDC;

/** RunExperiment: a schedule, a {@code chaosfn.run.requested} event or a direct invoke → {@link RunService}. */
public final class RunExperimentHandler implements RequestStreamHandler {
  private final RunService runs;
  private final Clock clock;

  public RunExperimentHandler() {
    this(Components.fromEnvironment());
  }

  /** The function built from these components instead of the environment's (the sandbox builds its own). */
  public RunExperimentHandler(Components components) {
    this(components.runs(), Clock.systemUTC());
  }

  RunExperimentHandler(RunService runs, Clock clock) {
    this.runs = runs;
    this.clock = clock;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) {
    RunRequest request = RunEnvelope.request(Json.MAPPER.readTree(input));
    // The lease and the time guard end where Lambda will stop this invocation.
    Instant deadline = clock.instant().plusMillis(context.getRemainingTimeInMillis());
    MDC.put("experiment_id", request.experiment());
    MDC.put("trigger", request.trigger().type());
    MDC.put("request_id", context.getAwsRequestId());
    try {
      RunResult result = runs.run(request, deadline);
      MDC.put("run_id", result.runId());
      Json.MAPPER.writeValue(output, RunEnvelope.response(result));
    } finally {
      MDC.clear();
    }
  }
}
