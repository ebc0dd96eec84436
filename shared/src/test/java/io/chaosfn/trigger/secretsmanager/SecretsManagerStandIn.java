package io.chaosfn.trigger.secretsmanager;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chaosfn.LocalClients;
import io.chaosfn.testing.LoopbackServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A stand-in for Secrets Manager (no local implementation exists; decisions.md §5 allows one): a JDK HttpServer
 * on a loopback port answering the AWS JSON 1.1 protocol's {@code secretsmanager.GetSecretValue} as the service
 * does, with the secret string the test sets, or a {@code ResourceNotFoundException} once the secret is missing.
 * It records each request as {@code "<target> <secret id>"}.
 */
public final class SecretsManagerStandIn implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile String secretString;
  private volatile boolean missing;

  public SecretsManagerStandIn(String secretString) {
    this.secretString = secretString;
    server = LoopbackServer.start("/", this::answer);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public SecretsManagerClient client() {
    return LocalClients.local(SecretsManagerClient.builder(), endpoint()).build();
  }

  /** What every later GetSecretValue answers. */
  public void secretString(String value) {
    secretString = value;
  }

  /** Every later request is answered {@code ResourceNotFoundException}. */
  public void remove() {
    missing = true;
  }

  public List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    String secretId = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("SecretId").asString();
    requests.add(target + " " + secretId);
    int status;
    String body;
    if (missing || !"secretsmanager.GetSecretValue".equals(target)) {
      status = 400;
      body = JSON.writeValueAsString(JsonNodeFactory.instance.objectNode()
          .put("__type", "ResourceNotFoundException")
          .put("message", "Secrets Manager can't find the specified secret."));
    } else {
      status = 200;
      body = JSON.writeValueAsString(JsonNodeFactory.instance.objectNode()
          .put("ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + secretId + "-AbCdEf")
          .put("Name", secretId)
          .put("SecretString", secretString)
          .put("VersionId", "v1")
          .put("CreatedDate", 1.7408232E9));
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
