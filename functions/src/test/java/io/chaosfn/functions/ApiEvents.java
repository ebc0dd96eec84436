package io.chaosfn.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import io.chaosfn.trigger.Senders;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Payload 2.0 envelopes as Lambda delivers them: a Function URL with AWS_IAM auth (stage {@code $default}, the
 * caller in {@code authorizer.iam}), and an HTTP API on a named stage, whose segment stays in {@code rawPath} and
 * {@code requestContext.http.path}. Query parameters are decoded into {@code queryStringParameters}, repeated
 * names joined with commas, as both services do.
 */
final class ApiEvents {
  private ApiEvents() {}

  static APIGatewayV2HTTPEvent functionUrl(String method, String rawPath, String rawQuery) {
    return envelope(method, rawPath, rawQuery, "$default", "$default", "abcdefgh.lambda-url.eu-west-1.on.aws");
  }

  static APIGatewayV2HTTPEvent httpApi(String stage, String method, String rawPath, String rawQuery) {
    return envelope(method, "/" + stage + rawPath, rawQuery, stage, "GET /{proxy+}",
        "api123.execute-api.eu-west-1.amazonaws.com");
  }

  private static APIGatewayV2HTTPEvent envelope(String method, String rawPath, String rawQuery, String stage,
      String routeKey, String host) {
    RequestContext.IAM caller = RequestContext.IAM.builder().withAccessKey("ASIAEXAMPLE").withAccountId("123456789012")
        .withCallerId("AROAEXAMPLE:alice").withUserArn("arn:aws:sts::123456789012:assumed-role/reader/alice")
        .withUserId("AROAEXAMPLE:alice").build();
    RequestContext context = RequestContext.builder()
        .withAccountId("123456789012").withApiId("abcdefgh").withDomainName(host).withDomainPrefix("abcdefgh")
        .withRequestId("req-" + Math.abs(rawPath.hashCode())).withRouteKey(routeKey).withStage(stage)
        .withTime("01/Mar/2025:10:00:00 +0000").withTimeEpoch(1740823200000L)
        .withHttp(RequestContext.Http.builder().withMethod(method).withPath(rawPath).withProtocol("HTTP/1.1")
            .withSourceIp("203.0.113.7").withUserAgent("curl/8.5.0").build())
        .withAuthorizer(RequestContext.Authorizer.builder().withIam(caller).build())
        .build();
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0").withRouteKey(routeKey).withRawPath(rawPath).withRawQueryString(rawQuery)
        .withQueryStringParameters(rawQuery.isEmpty() ? null : parameters(rawQuery))
        .withHeaders(Map.of("host", host, "user-agent", "curl/8.5.0", "x-amz-date", "20250301T100000Z"))
        .withRequestContext(context).withIsBase64Encoded(false)
        .build();
  }

  /**
   * A POST to a Function URL with auth NONE (the webhook): no authorizer, the sender's headers lower-cased and the
   * body as text, as Lambda delivers a JSON body.
   */
  static APIGatewayV2HTTPEvent unauthenticatedPost(String rawPath, Map<String, String> headers, String body) {
    Map<String, String> lowerCased = new LinkedHashMap<>();
    headers.forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
    lowerCased.put("content-type", "application/json");
    RequestContext context = RequestContext.builder()
        .withAccountId("anonymous").withApiId("webhook1").withDomainName("webhook1.lambda-url.eu-west-1.on.aws")
        .withRequestId("req-" + Math.abs(body.hashCode())).withRouteKey("$default").withStage("$default")
        .withHttp(RequestContext.Http.builder().withMethod("POST").withPath(rawPath).withProtocol("HTTP/1.1")
            .withSourceIp("203.0.113.9").withUserAgent("flux-notification-controller").build())
        .build();
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0").withRouteKey("$default").withRawPath(rawPath).withRawQueryString("")
        .withHeaders(lowerCased).withBody(body).withIsBase64Encoded(false).withRequestContext(context)
        .build();
  }

  /** A Flux generic-hmac notification of {@code body}, signed with {@link Senders#FLUX_KEY}, to the webhook. */
  static APIGatewayV2HTTPEvent signedFlux(String body) {
    return unauthenticatedPost("/webhook/flux", Map.of("X-Signature", Senders.sign(Senders.FLUX_KEY,
        Senders.bytes(body))), body);
  }

  private static Map<String, String> parameters(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      parameters.merge(name, value, (a, b) -> a + "," + b);
    }
    return parameters;
  }
}
