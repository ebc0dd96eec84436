package io.chaosfn.sandbox;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Function URL requests as Lambda delivers them (payload 2.0): the journal API's, signed with SigV4 (the caller in
 * {@code authorizer.iam}), and the webhook's, with auth NONE and the sender's headers lower-cased.
 */
final class FunctionUrlEvents {
  private FunctionUrlEvents() {}

  /** A GET from an IAM caller, as {@code curl --aws-sigv4} would send it. */
  static APIGatewayV2HTTPEvent signedGet(String rawPath) {
    RequestContext.IAM caller = RequestContext.IAM.builder().withAccessKey("ASIASANDBOX")
        .withAccountId("000000000000").withCallerId("AROASANDBOX:operator")
        .withUserArn("arn:aws:sts::000000000000:assumed-role/reader/operator").withUserId("AROASANDBOX:operator")
        .build();
    return event("GET", rawPath, Map.of("host", "journal.lambda-url.us-east-1.on.aws"), null,
        RequestContext.Authorizer.builder().withIam(caller).build());
  }

  /** A JSON POST with no AWS signature, as Flux's notification-controller sends it. */
  static APIGatewayV2HTTPEvent unsignedPost(String rawPath, Map<String, String> headers, String body) {
    Map<String, String> lowerCased = new LinkedHashMap<>();
    headers.forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
    lowerCased.put("content-type", "application/json");
    lowerCased.put("host", "webhook.lambda-url.us-east-1.on.aws");
    return event("POST", rawPath, lowerCased, body, null);
  }

  private static APIGatewayV2HTTPEvent event(String method, String rawPath, Map<String, String> headers, String body,
      RequestContext.Authorizer authorizer) {
    RequestContext context = RequestContext.builder().withAccountId("000000000000").withApiId("sandbox")
        .withDomainName(headers.get("host")).withRequestId(UUID.randomUUID().toString()).withRouteKey("$default")
        .withStage("$default").withAuthorizer(authorizer)
        .withHttp(RequestContext.Http.builder().withMethod(method).withPath(rawPath).withProtocol("HTTP/1.1")
            .withSourceIp("127.0.0.1").withUserAgent("chaosfn-sandbox").build())
        .build();
    return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("$default").withRawPath(rawPath)
        .withRawQueryString("").withHeaders(headers).withBody(body).withIsBase64Encoded(false)
        .withRequestContext(context).build();
  }
}
