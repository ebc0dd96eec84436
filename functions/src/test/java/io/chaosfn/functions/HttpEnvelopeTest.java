package io.chaosfn.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.chaosfn.functions.http.HttpEnvelope;
import io.chaosfn.functions.http.HttpRequest;
import io.chaosfn.functions.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stream handlers' envelope against the typed one: the same payload 2.0 event, as JSON, gives the request the
 * events library's object gives, and the answer has the fields and values {@code toLambda()} gives.
 */
class HttpEnvelopeTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Stream<APIGatewayV2HTTPEvent> envelopes() {
    return Stream.of(
        ApiEvents.functionUrl("GET", "/experiments/team%2Fcache/runs", "limit=2&outcome=completed"),
        ApiEvents.httpApi("prod", "GET", "/runs", "outcome=deviated"),
        ApiEvents.unauthenticatedPost("/webhook/flux", Map.of("X-Signature", "sha256=00"), "{\"a\": 1}"));
  }

  @ParameterizedTest
  @MethodSource("envelopes")
  void read_eventAsJson_isTheRequestOfTheTypedEvent(APIGatewayV2HTTPEvent event) {
    byte[] json = JSON.writeValueAsBytes(event);

    HttpRequest read = HttpEnvelope.read(new ByteArrayInputStream(json));

    assertThat(read).usingRecursiveComparison().isEqualTo(HttpRequest.from(event));
  }

  @Test
  void read_base64Body_isTheDecodedBytes() {
    String event = """
        {"version": "2.0", "rawPath": "/webhook/github", "isBase64Encoded": true, "body": "eyJhIjogMX0=",
         "headers": {"X-Hub-Signature-256": "sha256=00"},
         "requestContext": {"http": {"method": "post", "path": "/webhook/github"}, "stage": "$default"}}""";

    HttpRequest read = HttpEnvelope.read(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));

    assertThat(new String(read.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\": 1}");
    assertThat(read.method()).isEqualTo("POST");
    assertThat(read.header("x-hub-signature-256")).contains("sha256=00");
  }

  @Test
  void write_response_hasTheFieldsAndValuesOfTheTypedResponse() {
    HttpResponse response = HttpResponse.error(404, "not_found", "no route /x");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    HttpEnvelope.write(response, out);

    JsonNode written = JSON.readTree(out.toByteArray());
    APIGatewayV2HTTPResponse typed = response.toLambda();
    assertThat(written.propertyNames()).containsExactlyInAnyOrder("statusCode", "headers", "body",
        "isBase64Encoded");
    assertThat(written.path("statusCode").asInt()).isEqualTo(typed.getStatusCode());
    assertThat(JSON.convertValue(written.path("headers"), Map.class)).isEqualTo(typed.getHeaders());
    assertThat(written.path("body").asString()).isEqualTo(typed.getBody());
    assertThat(written.path("isBase64Encoded").asBoolean(true)).isEqualTo(typed.getIsBase64Encoded());
  }

  @Test
  void event_primingRequest_readsAsThatMethodAndPath() {
    HttpRequest read = HttpEnvelope.read(new ByteArrayInputStream(HttpEnvelope.event("DELETE", "/experiments")));

    assertThat(read.method()).isEqualTo("DELETE");
    assertThat(read.path()).isEqualTo("/experiments");
    assertThat(read.body()).isEmpty();
  }
}
