package io.chaosfn.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secrets Manager, simulated because no local implementation exists (decisions.md §5): a JDK HTTP server answering
 * {@code secretsmanager.GetSecretValue} in AWS JSON 1.1 as the SDK sends it, from a fixed map of secret strings;
 * an unknown id is a {@code ResourceNotFoundException}, as the service answers.
 */
final class LocalSecretsManager implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final Map<String, String> secrets;

  LocalSecretsManager(Map<String, String> secrets) {
    this.secrets = Map.copyOf(secrets);
    server = LoopbackHttp.start("the Secrets Manager stand-in", "/", this::getSecretValue);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void getSecretValue(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    String secretId = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("SecretId").asString("");
    String value = secrets.get(secretId);
    ObjectNode answer = JSON.createObjectNode();
    int status = 200;
    if (!"secretsmanager.GetSecretValue".equals(target) || value == null) {
      status = 400;
      answer.put("__type", "ResourceNotFoundException").put("message", "Secrets Manager can't find the specified secret.");
    } else {
      answer.put("ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + secretId)
          .put("Name", secretId).put("SecretString", value).put("VersionId", "v1");
    }
    byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
    LoopbackHttp.respond(exchange, status, "application/x-amz-json-1.1", bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
