package io.chaosfn.activity.http;

import static io.chaosfn.activity.TestActivities.context;
import static io.chaosfn.activity.TestActivities.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.activity.ActivityFailedException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The http provider against a real JDK HttpServer on loopback. */
class HttpProviderTest {
  private final HttpProvider provider = new HttpProvider(HttpPolicy.unrestricted());
  private final CountDownLatch release = new CountDownLatch(1);
  private LocalHttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = LocalHttpServer.http()
        .respond("/text", 200, "text/plain", "healthy\n")
        .respond("/json", 200, "application/json", "{\"ready\": true}")
        .respond("/json-charset", 200, "application/json; charset=utf-8", "{\"ready\": true}")
        .respond("/missing", 404, "text/plain", "no such page")
        .respond("/broken", 503, "text/plain", "down")
        .on("/redirect", exchange -> {
          exchange.getResponseHeaders().set("Location", "/text");
          LocalHttpServer.reply(exchange, 302, null, new byte[0]);
        })
        .on("/silent", exchange -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          LocalHttpServer.reply(exchange, 200, "text/plain", new byte[0]);
        })
        .on("/big", exchange -> LocalHttpServer.reply(exchange, 200, "text/plain", new byte[64 * 1024]));
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  @Test
  void run_getWithArguments_sendsThemAsQueryString() {
    provider.run(provider("{'type':'http','url':'" + server.url("/text?a=1")
        + "','arguments':{'q':'a b','n':2,'flag':true,'skip':null,'many':['x','y']}}"), context());

    assertThat(server.last().query()).isEqualTo("a=1&q=a+b&n=2&flag=True&many=x&many=y");
  }

  @Test
  void run_postWithJsonContentType_sendsArgumentsAsJsonBody() {
    provider.run(provider("{'type':'http','method':'post','url':'" + server.url("/text")
        + "','headers':{'Content-Type':'application/json'},'arguments':{'q':'x','n':[1,2]}}"), context());

    assertThat(server.last().method()).isEqualTo("POST");
    assertThat(server.last().body()).isEqualTo("{\"q\":\"x\",\"n\":[1,2]}");
  }

  @Test
  void run_postWithOtherContentType_sendsArgumentsAsFormBody() {
    provider.run(provider("{'type':'http','method':'POST','url':'" + server.url("/text")
        + "','arguments':{'q':'x y','n':1}}"), context());

    assertThat(server.last().body()).isEqualTo("q=x+y&n=1");
    assertThat(server.last().header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
  }

  @Test
  void run_lowerCaseJsonContentTypeHeader_sendsFormBodyAsChaosToolkitDoes() {
    provider.run(provider("{'type':'http','method':'PUT','url':'" + server.url("/text")
        + "','headers':{'content-type':'application/json'},'arguments':{'q':'x'}}"), context());

    assertThat(server.last().body()).isEqualTo("q=x");
  }

  @Test
  void run_headers_areSentAsGiven() {
    provider.run(provider("{'type':'http','url':'" + server.url("/text")
        + "','headers':{'Authorization':'Bearer t0k','X-Count':3}}"), context());

    assertThat(server.last().header("Authorization")).isEqualTo("Bearer t0k");
    assertThat(server.last().header("X-Count")).isEqualTo("3");
  }

  @Test
  void run_textResponse_outputsStatusHeadersAndText() {
    JsonNode output = provider.run(provider("{'type':'http','url':'" + server.url("/text") + "'}"), context());

    assertThat(output.get("status").intValue()).isEqualTo(200);
    assertThat(output.get("headers").get("Content-type").stringValue()).isEqualTo("text/plain");
    assertThat(output.get("body").stringValue()).isEqualTo("healthy\n");
  }

  @Test
  void run_jsonResponse_outputsParsedBody() {
    JsonNode output = provider.run(provider("{'type':'http','url':'" + server.url("/json") + "'}"), context());

    assertThat(output.get("body").get("ready").booleanValue()).isTrue();
  }

  @Test
  void run_jsonResponseWithCharset_keepsBodyAsTextLikeChaosToolkit() {
    JsonNode output = provider.run(
        provider("{'type':'http','url':'" + server.url("/json-charset") + "'}"), context());

    assertThat(output.get("body").stringValue()).isEqualTo("{\"ready\": true}");
  }

  @Test
  void run_notFound_isAnOutputNotAFailure() {
    JsonNode output = provider.run(provider("{'type':'http','url':'" + server.url("/missing") + "'}"), context());

    assertThat(output.get("status").intValue()).isEqualTo(404);
    assertThat(output.get("body").stringValue()).isEqualTo("no such page");
  }

  @Test
  void run_serverError_isAnOutputNotAFailure() {
    JsonNode output = provider.run(provider("{'type':'http','url':'" + server.url("/broken") + "'}"), context());

    assertThat(output.get("status").intValue()).isEqualTo(503);
  }

  @Test
  void run_redirect_followsToTheFinalResponse() {
    JsonNode output = provider.run(provider("{'type':'http','url':'" + server.url("/redirect") + "'}"), context());

    assertThat(output.get("status").intValue()).isEqualTo(200);
    assertThat(output.get("body").stringValue()).isEqualTo("healthy\n");
  }

  @Test
  void run_patch_sendsPatchWithBody() {
    JsonNode output = provider.run(provider("{'type':'http','method':'patch','url':'" + server.url("/json")
        + "','headers':{'Content-Type':'application/json'},'arguments':{'replicas':0}}"), context());

    assertThat(server.last().method()).isEqualTo("PATCH");
    assertThat(server.last().body()).isEqualTo("{\"replicas\":0}");
    assertThat(output.get("body").get("ready").booleanValue()).isTrue();
  }

  @Test
  void run_connectionRefused_failsWithFailedToConnect() throws IOException {
    int closedPort = closedPort();

    assertThatThrownBy(() -> provider.run(
        provider("{'type':'http','url':'http://127.0.0.1:" + closedPort + "/x?token=s3cret'}"), context()))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageStartingWith("failed to connect to http://127.0.0.1:" + closedPort + "/x: ")
        .hasMessageContaining("Connection refused")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void run_connectionRefusedWithRetries_stillFailsWithFailedToConnect() throws IOException {
    int closedPort = closedPort();

    assertThatThrownBy(() -> provider.run(provider("{'type':'http','max_retries':2,'url':'http://127.0.0.1:"
        + closedPort + "/'}"), context()))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageStartingWith("failed to connect to ");
  }

  @Test
  void run_serverNeverAnswers_failsAfterTheReadTimeout() {
    assertThatThrownBy(() -> provider.run(
        provider("{'type':'http','timeout':0.3,'url':'" + server.url("/silent") + "'}"), context()))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("activity took too long to complete");
  }

  @Test
  void run_serverNeverAnswersWithConnectReadPair_failsAfterTheReadTimeout() {
    assertThatThrownBy(() -> provider.run(
        provider("{'type':'http','timeout':[2,0.3],'url':'" + server.url("/silent") + "'}"), context()))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("activity took too long to complete");
  }

  @Test
  void run_patchToServerThatNeverAnswers_failsAfterTheTimeout() {
    assertThatThrownBy(() -> provider.run(provider("{'type':'http','method':'PATCH','timeout':0.3,'url':'"
        + server.url("/silent") + "'}"), context()))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("activity took too long to complete");
  }

  @Test
  void run_bodyOverTheCap_fails() {
    HttpProvider capped = new HttpProvider(new HttpPolicy(true, 1024, Duration.ofSeconds(5)));

    assertThatThrownBy(() -> capped.run(provider("{'type':'http','url':'" + server.url("/big") + "'}"), context()))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageContaining("larger than 1024 bytes");
  }

  @Test
  void run_patchBodyOverTheCap_fails() {
    HttpProvider capped = new HttpProvider(new HttpPolicy(true, 1024, Duration.ofSeconds(5)));

    assertThatThrownBy(() -> capped.run(
        provider("{'type':'http','method':'PATCH','url':'" + server.url("/big") + "'}"), context()))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageContaining("larger than 1024 bytes");
  }

  @Test
  void run_bodyAtTheCap_isRead() {
    HttpProvider capped = new HttpProvider(new HttpPolicy(true, 64 * 1024, Duration.ofSeconds(5)));

    JsonNode output = capped.run(provider("{'type':'http','url':'" + server.url("/big") + "'}"), context());

    assertThat(output.get("body").stringValue().getBytes(StandardCharsets.UTF_8)).hasSize(64 * 1024);
  }

  @Test
  void run_invalidUrlAfterSubstitution_fails() {
    assertThatThrownBy(() -> provider.run(provider("{'type':'http','url':'ftp://example/x'}"), context()))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageContaining("expected an http:// or https:// URL");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
