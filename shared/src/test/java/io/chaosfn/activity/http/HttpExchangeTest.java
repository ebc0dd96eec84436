package io.chaosfn.activity.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.activity.ActivityFailedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retries and redirects of one exchange. A counting transport stands in for the network here: no local server
 * can refuse a connection a chosen number of times and then accept one.
 */
class HttpExchangeTest {
  private final List<HttpCall> sent = new ArrayList<>();

  @Test
  void perform_connectFailuresWithinMaxRetries_succeedsOnALaterAttempt() {
    HttpExchange exchange = exchange(failingTimes(2));

    HttpReply reply = exchange.perform(call("GET", Map.of()), 2);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(sent).hasSize(3);
  }

  @Test
  void perform_connectFailuresBeyondMaxRetries_failsAfterOnePlusMaxRetriesAttempts() {
    HttpExchange exchange = exchange(failingTimes(5));

    assertThatThrownBy(() -> exchange.perform(call("GET", Map.of()), 1))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("failed to connect to http://svc.test/a: ConnectException: Connection refused");
    assertThat(sent).hasSize(2);
  }

  @Test
  void perform_redirectToAnotherHost_dropsTheAuthorizationHeader() {
    HttpExchange exchange = exchange(redirectOnce("http://other.test/b", 302));

    exchange.perform(call("GET", Map.of("Authorization", "Bearer x", "Accept", "text/plain")), 0);

    assertThat(sent.get(1).headers()).containsOnlyKeys("Accept");
  }

  @Test
  void perform_303AfterPost_followsWithGetAndNoBody() {
    HttpExchange exchange = exchange(redirectOnce("/b", 303));

    exchange.perform(call("POST", Map.of("Content-Type", "application/x-www-form-urlencoded")), 0);

    assertThat(sent.get(1).method()).isEqualTo("GET");
    assertThat(sent.get(1).body()).isNull();
    assertThat(sent.get(1).headers()).isEmpty();
  }

  @Test
  void perform_307AfterPost_keepsMethodAndBody() {
    HttpExchange exchange = exchange(redirectOnce("/b", 307));

    exchange.perform(call("POST", Map.of()), 0);

    assertThat(sent.get(1).method()).isEqualTo("POST");
    assertThat(sent.get(1).body()).containsExactly('q', '=', '1');
  }

  @Test
  void perform_endlessRedirects_failsAfterTheLimit() {
    HttpExchange exchange = exchange(call -> {
      sent.add(call);
      return new HttpReply(302, Map.of("Location", "/again"), new byte[0]);
    });

    assertThatThrownBy(() -> exchange.perform(call("GET", Map.of()), 0))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("exceeded 30 redirects from http://svc.test/a");
    assertThat(sent).hasSize(HttpExchange.MAX_REDIRECTS + 1);
  }

  private HttpTransport failingTimes(int failures) {
    return call -> {
      sent.add(call);
      if (sent.size() <= failures) {
        throw new ConnectFailure(new ConnectException("Connection refused"));
      }
      return new HttpReply(200, Map.of(), new byte[0]);
    };
  }

  private HttpTransport redirectOnce(String location, int status) {
    return call -> {
      sent.add(call);
      return sent.size() == 1
          ? new HttpReply(status, Map.of("location", location), new byte[0])
          : new HttpReply(200, Map.of(), new byte[0]);
    };
  }

  private static HttpExchange exchange(HttpTransport transport) {
    return new HttpExchange(new AddressGuard(true), method -> transport);
  }

  private static HttpCall call(String method, Map<String, String> headers) {
    return new HttpCall(method, URI.create("http://svc.test/a?token=x"), headers,
        "POST".equals(method) ? new byte[] {'q', '=', '1'} : null, Duration.ofSeconds(1), Duration.ofSeconds(1),
        true, 1024);
  }
}
