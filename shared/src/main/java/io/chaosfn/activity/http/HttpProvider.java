package io.chaosfn.activity.http;

import io.chaosfn.Json;
import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.activity.ActivityProvider;
import io.chaosfn.experiment.Problems;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chaos Toolkit's {@code http} provider (semantics §1.4, §2.3): one request, its output
 * {@code {"status", "headers", "body"}}. An HTTP error status is an output, not a failure; a connection that
 * cannot be made fails with {@code failed to connect to <url>: <error>}, a server that does not answer in
 * time with {@code activity took too long to complete}.
 *
 * <p>Thread-safe: background activities share one instance.
 */
public final class HttpProvider implements ActivityProvider {
  private static final String JSON = "application/json";

  private final HttpPolicy policy;
  private final HttpExchange exchange;

  public HttpProvider(HttpPolicy policy) {
    this.policy = policy;
    this.exchange = new HttpExchange(new AddressGuard(policy.allowLinkLocal()), new HttpTransports()::forMethod);
  }

  @Override
  public String type() {
    return "http";
  }

  @Override
  public void validate(
      ObjectNode provider, String activityName, String activityType, JsonNode extension, Problems problems) {
    HttpValidation.validate(provider, problems);
  }

  @Override
  public JsonNode run(ObjectNode provider, ActivityContext context) {
    HttpCall call;
    try {
      call = call(provider);
    } catch (IllegalArgumentException e) {
      throw new ActivityFailedException(e.getMessage(), e);
    }
    HttpReply reply = exchange.perform(call, provider.path("max_retries").asInt(0));
    return output(reply, HttpExchange.displayUrl(call.uri()));
  }

  private HttpCall call(ObjectNode provider) {
    URI uri = HttpValidation.uri(provider.path("url").asString(""));
    String method = provider.path("method").asString("GET").toUpperCase(Locale.ROOT);
    Map<String, String> headers = headers(provider.get("headers"));
    JsonNode arguments = provider.get("arguments");
    HttpTimeout timeout = HttpTimeout.parse(provider.get("timeout"), policy.defaultTimeout());
    JsonNode verify = provider.get("verify_tls");
    boolean verifyTls = verify == null || verify.isNull() || verify.asBoolean(true);
    byte[] body = null;
    if ("GET".equals(method)) {
      uri = withQuery(uri, HttpArguments.formEncode(arguments));
    } else if (JSON.equals(headers.get("Content-Type"))) {
      // Chaos Toolkit looks the header up with this exact spelling and value: "content-type" sends a form.
      body = Json.MAPPER.writeValueAsBytes(arguments == null ? JsonNodeFactory.instance.objectNode() : arguments);
    } else {
      String form = HttpArguments.formEncode(arguments);
      if (!form.isEmpty()) {
        body = form.getBytes(StandardCharsets.US_ASCII);
        if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
          headers.put("Content-Type", "application/x-www-form-urlencoded");
        }
      }
    }
    return new HttpCall(method, uri, headers, body, timeout.connect(), timeout.read(), verifyTls,
        policy.maxResponseBytes());
  }

  private static Map<String, String> headers(JsonNode node) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return headers;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("a HTTP activities expect headers as a mapping");
    }
    for (Map.Entry<String, JsonNode> header : node.properties()) {
      JsonNode value = header.getValue();
      if (!value.isNull()) {
        headers.put(header.getKey(), value.isString() ? value.stringValue() : value.toString());
      }
    }
    return headers;
  }

  private static URI withQuery(URI uri, String query) {
    if (query.isEmpty()) {
      return uri;
    }
    String text = uri.toString();
    String fragment = "";
    int hash = text.indexOf('#');
    if (hash >= 0) {
      fragment = text.substring(hash);
      text = text.substring(0, hash);
    }
    String separator = uri.getRawQuery() == null ? "?" : text.endsWith("?") || text.endsWith("&") ? "" : "&";
    return URI.create(text + separator + query + fragment);
  }

  private static JsonNode output(HttpReply reply, String displayUrl) {
    ObjectNode output = JsonNodeFactory.instance.objectNode();
    output.put("status", reply.status());
    ObjectNode headers = output.putObject("headers");
    reply.headers().forEach(headers::put);
    String contentType = reply.header("Content-Type").orElse("");
    // CTK quirk kept: only exactly "application/json" is parsed; "application/json; charset=utf-8" stays text.
    if (JSON.equals(contentType)) {
      output.set("body", json(reply.body(), displayUrl));
    } else {
      output.put("body", ResponseText.decode(reply.body(), contentType));
    }
    return output;
  }

  private static JsonNode json(byte[] body, String displayUrl) {
    if (body.length == 0) {
      // CTK difference: requests' r.json() raises on an empty body, which aborts the run; null is kinder.
      return JsonNodeFactory.instance.nullNode();
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      // CTK difference: requests' JSON error escapes and aborts the run; here only the activity fails.
      throw new ActivityFailedException("the response of " + displayUrl
          + " says application/json but its body is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
