package io.chaosfn.activity.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * {@code java.net.http}, for the methods {@link java.net.HttpURLConnection} refuses (PATCH, custom verbs). Its
 * first client costs about 0.15 s in-process (docs/performance.md), so clients are made on first use, one per
 * TLS mode and connect timeout (a client fixes both), and reused.
 *
 * <p>Unlike {@code HttpURLConnection}, the read timeout here bounds the whole response, headers and body, after
 * the connection is made: the client has no per-read timeout.
 */
final class JdkClientTransport implements HttpTransport {
  private final InsecureTls insecureTls;
  private final Map<ClientKey, HttpClient> clients = new ConcurrentHashMap<>();

  JdkClientTransport(InsecureTls insecureTls) {
    this.insecureTls = insecureTls;
  }

  @Override
  public HttpReply send(HttpCall call) throws IOException {
    HttpClient client = clients.computeIfAbsent(new ClientKey(call.verifyTls(), call.connectTimeout()), this::create);
    HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
        .timeout(call.connectTimeout().plus(call.readTimeout()))
        .method(call.method(), call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    call.headers().forEach((name, value) -> addHeader(request, name, value));
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(request.build(), info -> new CappedBodySubscriber(call.maxResponseBytes()));
    try {
      Duration limit = call.connectTimeout().plus(call.readTimeout());
      HttpResponse<byte[]> response = pending.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      return new HttpReply(response.statusCode(), headers(response.headers()), response.body());
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new HttpTimeoutException("no complete response within " + call.readTimeout());
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the response");
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    }
  }

  private HttpClient create(ClientKey key) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(key.connectTimeout());
    if (!key.verifyTls()) {
      builder.sslContext(insecureTls.context());
    }
    return builder.build();
  }

  /** Headers the client manages itself (Host, Content-Length, Connection...) are left to it, as HttpURLConnection does. */
  private static void addHeader(HttpRequest.Builder request, String name, String value) {
    try {
      request.header(name, value);
    } catch (IllegalArgumentException restricted) {
      // The client sets this header itself; HttpURLConnection silently ignores the same ones.
    }
  }

  private static IOException translate(Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException
        || cause instanceof ConnectException
        || cause instanceof SSLException) {
      return new ConnectFailure(cause);
    }
    if (cause instanceof IOException io) {
      return io;
    }
    return new IOException(ConnectFailure.describe(cause), cause);
  }

  private static Map<String, String> headers(HttpHeaders headers) {
    Map<String, String> joined = new LinkedHashMap<>();
    headers.map().forEach((name, values) -> {
      if (!name.startsWith(":")) {
        joined.put(name, String.join(", ", values));
      }
    });
    return joined;
  }

  private record ClientKey(boolean verifyTls, Duration connectTimeout) {}
}
