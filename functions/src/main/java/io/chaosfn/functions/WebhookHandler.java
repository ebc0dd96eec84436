package io.chaosfn.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.chaosfn.flow.WebhookResult;
import io.chaosfn.flow.WebhookService;
import io.chaosfn.functions.http.HttpRequest;
import io.chaosfn.functions.http.HttpResponse;
import io.chaosfn.functions.http.HttpResponses;
import io.chaosfn.trigger.WebhookRequest;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code Webhook} function (Function URL, auth NONE: the service authenticates every request itself). Parses
 * the envelope, calls {@link WebhookService#receive}, maps the result: 202 with the run ids when runs were
 * requested, 200 otherwise; refusals go through the error table.
 */
public final class WebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final WebhookService webhooks;

  public WebhookHandler() {
    this(Components.fromEnvironment().webhooks());
  }

  WebhookHandler(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return HttpResponses.from(() -> respond(webhooks.receive(request(HttpRequest.from(event))))).toLambda();
  }

  private static WebhookRequest request(HttpRequest http) {
    return new WebhookRequest(http.method(), http.path(), http.headers(), http.body());
  }

  private static HttpResponse respond(WebhookResult result) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("source", result.source().wireName());
    if (result instanceof WebhookResult.Accepted accepted) {
      body.put("status", "accepted").put("deliveryId", accepted.deliveryId());
      accepted.runs().forEach(run -> body.withArray("runs").addObject()
          .put("runId", run.runId()).put("experimentId", run.experimentId()));
      return HttpResponse.json(202, body);
    }
    if (result instanceof WebhookResult.Duplicate duplicate) {
      return HttpResponse.json(200, body.put("status", "duplicate").put("deliveryId", duplicate.deliveryId()));
    }
    if (result instanceof WebhookResult.Unmatched unmatched) {
      return HttpResponse.json(200, body.put("status", "no_match").put("deliveryId", unmatched.deliveryId()));
    }
    WebhookResult.Ignored ignored = (WebhookResult.Ignored) result;
    return HttpResponse.json(200, body.put("status", "ignored").put("reason", ignored.reason()));
  }
}
