package io.chaosfn.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.chaosfn.Json;
import io.chaosfn.experiment.Problem;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A JSON response; every answer, errors included, is JSON. */
public record HttpResponse(int status, JsonNode body) {

  public static HttpResponse json(int status, JsonNode body) {
    return new HttpResponse(status, body);
  }

  /** {@code {"error": {"code": ..., "message": ...}}} */
  public static HttpResponse error(int status, String code, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("error").put("code", code).put("message", message);
    return new HttpResponse(status, body);
  }

  /**
   * 400 naming every bad parameter: {@code {"error": {"code": "bad_parameter", "message": ..., "parameters":
   * [{"name": ..., "message": ...}]}}}.
   */
  public static HttpResponse invalidParameters(String message, List<Problem> problems) {
    HttpResponse response = error(400, "bad_parameter", message);
    ArrayNode parameters = ((ObjectNode) response.body().get("error")).putArray("parameters");
    problems.forEach(p -> parameters.addObject().put("name", p.path()).put("message", p.message()));
    return response;
  }

  /** The body as the response carries it: JSON text. */
  String bodyText() {
    return Json.MAPPER.writeValueAsString(body);
  }

  public APIGatewayV2HTTPResponse toLambda() {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withBody(bodyText())
        .withIsBase64Encoded(false)
        .build();
  }
}
