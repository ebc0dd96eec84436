package io.chaosfn.functions.http;

import io.chaosfn.Json;
import java.io.InputStream;
import java.io.OutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The payload 2.0 envelope read and written as JSON, for the HTTP functions' stream handlers. Lambda's runtime
 * client turns a typed handler's event and answer into {@code APIGatewayV2HTTP*} objects with its own shaded
 * Jackson 2 and the events library's mix-ins; loading and setting that up costs 0.2–0.4 s of every cold start
 * (notes in docs/performance.md). A stream handler skips it: the event is parsed here with the Jackson the
 * functions load anyway.
 */
public final class HttpEnvelope {

  private HttpEnvelope() {}

  /**
   * The request in a payload 2.0 event.
   *
   * @throws HttpProblem 400 when the event is not a JSON object (a direct invoke with anything else)
   */
  public static HttpRequest read(InputStream event) {
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(event);
    } catch (JacksonException e) {
      throw HttpProblem.badRequest("the event is not a payload 2.0 JSON object: " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw HttpProblem.badRequest("the event is not a payload 2.0 JSON object");
    }
    return HttpRequest.from(tree);
  }

  /**
   * A minimal payload 2.0 event of a Function URL, without headers or body: what priming sends through a stream
   * handler to run the envelope, the routing and the error table before the snapshot.
   */
  public static byte[] event(String method, String path) {
    ObjectNode event = JsonNodeFactory.instance.objectNode().put("version", "2.0").put("rawPath", path)
        .put("isBase64Encoded", false);
    ObjectNode context = event.putObject("requestContext").put("requestId", "priming").put("stage", "$default");
    context.putObject("http").put("method", method).put("path", path);
    return Json.MAPPER.writeValueAsBytes(event);
  }

  /**
   * The answer as the Function URL (or HTTP API) expects it: {@code statusCode}, a JSON {@code Content-Type},
   * the body as text, {@code isBase64Encoded} false; the fields and values of {@link HttpResponse#toLambda()}.
   */
  public static void write(HttpResponse response, OutputStream output) {
    ObjectNode envelope = JsonNodeFactory.instance.objectNode().put("statusCode", response.status());
    envelope.putObject("headers").put("Content-Type", "application/json");
    envelope.put("body", response.bodyText()).put("isBase64Encoded", false);
    Json.MAPPER.writeValue(output, envelope);
  }
}
