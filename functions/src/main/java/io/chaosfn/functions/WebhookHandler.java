package io.chaosfn.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.chaosfn.flow.WebhookResult;
import io.chaosfn.flow.WebhookService;
import io.chaosfn.functions.http.HttpEnvelope;
import io.chaosfn.functions.http.HttpRequest;
import io.chaosfn.functions.http.HttpResponse;
import io.chaosfn.functions.http.HttpResponses;
import io.chaosfn.trigger.WebhookRequest;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code Webhook} function (Function URL, auth NONE: the service authenticates every request itself). Parses
 * the envelope, calls {@link WebhookService#receive}, maps the result: 202 with the run ids when runs were
 * requested, 200 otherwise; refusals go through the error table. Lambda calls the stream method
 * ({@link HttpEnvelope} says why); the typed one gives the same answer to callers that hold an event object (the
 * sandbox, tests).
 */
public final class WebhookHandler implements RequestStreamHandler {
  private final WebhookService webhooks;
  private final Priming priming;

  public WebhookHandler() {
    this(Components.fromEnvironment());
  }

  /** The function built from these components instead of the environment's (the sandbox builds its own). */
  public WebhookHandler(Components components) {
    this(components.webhookFlow());
  }

  private WebhookHandler(Components.Flow<WebhookService> flow) {
    this(flow.service(), flow.prime());
  }

  WebhookHandler(WebhookService webhooks) {
    this(webhooks, () -> { });
  }

  /**
   * @param primeClients the clients' part of the SnapStart priming; the handler adds requests refused before
   *     authentication, so without a call: an unknown route (404) and a GET (405)
   */
  private WebhookHandler(WebhookService webhooks, Runnable primeClients) {
    this.webhooks = webhooks;
    this.priming = Priming.registerHttp("Webhook", primeClients, this,
        List.of(HttpEnvelope.event("POST", "/webhook"), HttpEnvelope.event("GET", "/webhook/flux")));
  }

  /** The hook SnapStart calls before the snapshot. */
  Priming priming() {
    return priming;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) {
    HttpEnvelope.write(answer(() -> HttpEnvelope.read(input)), output);
  }

  /** The same answer as {@link #handleRequest(InputStream, OutputStream, Context)}, for an event object. */
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return answer(() -> HttpRequest.from(event)).toLambda();
  }

  private HttpResponse answer(Supplier<HttpRequest> request) {
    return HttpResponses.from(() -> respond(webhooks.receive(request(request.get()))));
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
