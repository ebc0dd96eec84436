package io.chaosfn.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.chaosfn.flow.JournalQueryService;
import io.chaosfn.functions.http.HttpEnvelope;
import io.chaosfn.functions.http.HttpRequest;
import io.chaosfn.functions.http.HttpResponse;
import io.chaosfn.functions.http.HttpResponses;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * {@code JournalApi}: the query flow behind a Function URL with AWS_IAM auth, or an HTTP API (payload 2.0).
 * Routes and answers are in docs/api.md. Lambda calls the stream method ({@link HttpEnvelope} says why); the typed
 * one gives the same answer to callers that hold an event object (the sandbox, tests).
 */
public final class JournalApiHandler implements RequestStreamHandler {
  private static final String REQUEST_ID = "request_id";
  private final JournalApiRoutes routes;
  private final Priming priming;

  public JournalApiHandler() {
    this(Components.fromEnvironment());
  }

  /** The function built from these components instead of the environment's (the sandbox builds its own). */
  public JournalApiHandler(Components components) {
    this(components.journalQueryFlow());
  }

  private JournalApiHandler(Components.Flow<JournalQueryService> flow) {
    this(flow.service(), flow.prime());
  }

  JournalApiHandler(JournalQueryService queries) {
    this(queries, () -> { });
  }

  /**
   * @param primeClients the clients' part of the SnapStart priming; the handler adds requests answered without a
   *     call: an unknown route (404) and a method the API does not serve (405)
   */
  private JournalApiHandler(JournalQueryService queries, Runnable primeClients) {
    this.routes = new JournalApiRoutes(queries);
    this.priming = Priming.registerHttp("JournalApi", primeClients, this,
        List.of(HttpEnvelope.event("GET", "/"), HttpEnvelope.event("DELETE", "/experiments")));
  }

  /** The hook SnapStart calls before the snapshot. */
  Priming priming() {
    return priming;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) {
    HttpEnvelope.write(answer(() -> HttpEnvelope.read(input), context), output);
  }

  /** The same answer as {@link #handleRequest(InputStream, OutputStream, Context)}, for an event object. */
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return answer(() -> HttpRequest.from(event), context).toLambda();
  }

  private HttpResponse answer(Supplier<HttpRequest> request, Context context) {
    MDC.put(REQUEST_ID, context == null ? null : context.getAwsRequestId());
    try {
      return HttpResponses.from(() -> routes.answer(request.get()));
    } finally {
      MDC.remove(REQUEST_ID);
    }
  }
}
