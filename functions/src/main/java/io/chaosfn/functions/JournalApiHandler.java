package io.chaosfn.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.chaosfn.flow.JournalQueryService;
import io.chaosfn.functions.http.HttpRequest;
import io.chaosfn.functions.http.HttpResponses;
import org.slf4j.MDC;

/**
 * {@code JournalApi}: the query flow behind a Function URL with AWS_IAM auth, or an HTTP API (payload 2.0).
 * Routes and answers are in docs/api.md.
 */
public final class JournalApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final String REQUEST_ID = "request_id";
  private final JournalApiRoutes routes;

  public JournalApiHandler() {
    this(Components.fromEnvironment().journalQueries());
  }

  JournalApiHandler(JournalQueryService queries) {
    this.routes = new JournalApiRoutes(queries);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    MDC.put(REQUEST_ID, context == null ? null : context.getAwsRequestId());
    try {
      return HttpResponses.from(() -> routes.answer(HttpRequest.from(event))).toLambda();
    } finally {
      MDC.remove(REQUEST_ID);
    }
  }
}
