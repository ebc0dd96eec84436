package io.chaosfn.activity.http;

import io.chaosfn.activity.ActivityFailedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One activity's request to its final response: connection retries ({@code max_retries}) and redirects
 * followed as Python's requests follows them, each hop's address checked by the guard, failures turned into
 * Chaos Toolkit's activity failures.
 */
final class HttpExchange {
  /** Python's requests gives up after 30 redirects. */
  static final int MAX_REDIRECTS = 30;

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final AddressGuard guard;
  private final Function<String, HttpTransport> transportForMethod;

  HttpExchange(AddressGuard guard, Function<String, HttpTransport> transportForMethod) {
    this.guard = guard;
    this.transportForMethod = transportForMethod;
  }

  HttpReply perform(HttpCall first, int maxRetries) {
    HttpCall call = first;
    for (int hop = 0; ; hop++) {
      String display = displayUrl(call.uri());
      guard.check(call.uri(), display);
      HttpReply reply = sendWithRetries(call, maxRetries, display);
      URI target = redirectTarget(call.uri(), reply);
      if (target == null) {
        return reply;
      }
      if (hop == MAX_REDIRECTS) {
        throw new ActivityFailedException("exceeded " + MAX_REDIRECTS + " redirects from " + displayUrl(first.uri()));
      }
      call = follow(call, reply.status(), target);
    }
  }

  private HttpReply sendWithRetries(HttpCall call, int maxRetries, String display) {
    HttpTransport transport = transportForMethod.apply(call.method());
    for (int attempt = 0; ; attempt++) {
      try {
        return transport.send(call);
      } catch (ConnectFailure e) {
        if (attempt >= maxRetries) {
          throw new ActivityFailedException("failed to connect to " + display + ": " + e.getMessage(), e);
        }
      } catch (SocketTimeoutException | HttpTimeoutException e) {
        throw new ActivityFailedException("activity took too long to complete", e);
      } catch (BodyTooLargeException e) {
        throw new ActivityFailedException("the response of " + display + " is too large: " + e.getMessage(), e);
      } catch (InterruptedIOException e) {
        throw new ActivityFailedException("the request to " + display + " was interrupted", e);
      } catch (IOException e) {
        throw new ActivityFailedException("the request to " + display + " failed: " + ConnectFailure.describe(e), e);
      }
    }
  }

  private static URI redirectTarget(URI current, HttpReply reply) {
    if (!REDIRECTS.contains(reply.status())) {
      return null;
    }
    return reply.header("Location").map(location -> {
      try {
        return current.resolve(location.trim());
      } catch (IllegalArgumentException e) {
        throw new ActivityFailedException("the redirect from " + displayUrl(current) + " has an invalid Location", e);
      }
    }).orElse(null);
  }

  /** The next hop, with the method, body and credentials Python's requests would send. */
  private static HttpCall follow(HttpCall call, int status, URI target) {
    String method = call.method();
    boolean toGet = !"HEAD".equals(method) && (status == 303 || status == 302 || (status == 301 && "POST".equals(method)));
    Map<String, String> headers = new LinkedHashMap<>(call.headers());
    byte[] body = call.body();
    if (toGet) {
      method = "GET";
      body = null;
      headers.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length"));
    }
    if (!sameOrigin(call.uri(), target)) {
      headers.keySet().removeIf(name -> name.equalsIgnoreCase("Authorization"));
    }
    return call.redirectedTo(target, method, headers, body);
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
        && a.getPort() == b.getPort();
  }

  /**
   * The URL as failure messages show it: without user info or query string, where credentials and tokens
   * usually travel.
   */
  static String displayUrl(URI uri) {
    StringBuilder shown = new StringBuilder();
    shown.append(uri.getScheme()).append("://").append(uri.getRawAuthority() == null ? "" : hostAndPort(uri));
    shown.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    return shown.toString();
  }

  private static String hostAndPort(URI uri) {
    return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }
}
