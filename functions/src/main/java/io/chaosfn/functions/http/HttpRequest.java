package io.chaosfn.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A Function URL (or HTTP API, payload 2.0) request as the services see it: header names lower-cased, the body
 * as the raw bytes that were signed (base64-decoded when the envelope says so).
 */
public record HttpRequest(String method, String path, Map<String, String> headers, Map<String, String> query,
    byte[] body, String requestId) {
  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    headers = Map.copyOf(headers);
    query = Map.copyOf(query);
    body = body == null ? new byte[0] : body;
  }

  public static HttpRequest from(APIGatewayV2HTTPEvent event) {
    APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
    APIGatewayV2HTTPEvent.RequestContext.Http http = context == null ? null : context.getHttp();
    return of(http == null ? null : http.getMethod(), event.getRawPath(), http == null ? null : http.getPath(),
        context == null ? null : context.getStage(), event.getHeaders(), event.getQueryStringParameters(),
        event.getBody(), event.getIsBase64Encoded(), context == null ? null : context.getRequestId());
  }

  /**
   * The same request from the payload 2.0 JSON, as a stream handler reads it; fields missing from the envelope
   * default as in {@link #from(APIGatewayV2HTTPEvent)}.
   */
  public static HttpRequest from(JsonNode event) {
    JsonNode context = event.path("requestContext");
    JsonNode http = context.path("http");
    return of(text(http.get("method")), text(event.get("rawPath")), text(http.get("path")),
        text(context.get("stage")), strings(event.get("headers")), strings(event.get("queryStringParameters")),
        text(event.get("body")), event.path("isBase64Encoded").asBoolean(false), text(context.get("requestId")));
  }

  private static HttpRequest of(String method, String rawPath, String contextPath, String stage,
      Map<String, String> rawHeaders, Map<String, String> query, String body, boolean base64, String requestId) {
    String path = withoutStage(rawPath != null ? rawPath : contextPath != null ? contextPath : "/", stage);
    Map<String, String> headers = new HashMap<>();
    if (rawHeaders != null) {
      rawHeaders.forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    }
    byte[] bytes = body == null ? new byte[0]
        : base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    return new HttpRequest((method == null ? "GET" : method).toUpperCase(Locale.ROOT), path, headers,
        query == null ? Map.of() : query, bytes, requestId);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asString();
  }

  private static Map<String, String> strings(JsonNode object) {
    if (object == null || !object.isObject()) {
      return null;
    }
    Map<String, String> values = new HashMap<>();
    object.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
    return values;
  }

  /**
   * An HTTP API serves a named stage under {@code /<stage>} and keeps that segment in both {@code rawPath} and
   * {@code requestContext.http.path}; the {@code $default} stage and Function URLs have none. Routes are
   * matched without it.
   */
  private static String withoutStage(String path, String stage) {
    if (stage == null || stage.isEmpty() || stage.equals("$default")) {
      return path;
    }
    String prefix = "/" + stage;
    if (path.equals(prefix)) {
      return "/";
    }
    return path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path;
  }

  /**
   * The path's segments, each percent-decoded on its own, so an id holding a {@code /} can be sent as
   * {@code %2F} without being taken for two segments. {@code "/"} has none.
   *
   * @throws HttpProblem 400 for a malformed percent escape
   */
  public List<String> segments() {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.isEmpty()) {
      return List.of();
    }
    List<String> segments = new ArrayList<>();
    for (String raw : trimmed.split("/", -1)) {
      try {
        // URLDecoder decodes form encoding, where '+' is a space; in a path it is itself.
        segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw HttpProblem.badRequest("path segment '" + raw + "' has a malformed percent escape");
      }
    }
    return segments;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }
}
