package io.chaosfn.activity.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.HttpsURLConnection;

/**
 * {@link HttpURLConnection}: no client object, no threads, keep-alive by default. Measured as the cheapest
 * start (docs/performance.md), so it carries every method it accepts.
 */
final class UrlConnectionTransport implements HttpTransport {
  /** The methods {@link HttpURLConnection#setRequestMethod} accepts; PATCH and custom verbs are refused. */
  static final Set<String> METHODS = Set.of("GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

  private final InsecureTls insecureTls;

  UrlConnectionTransport(InsecureTls insecureTls) {
    this.insecureTls = insecureTls;
  }

  @Override
  public HttpReply send(HttpCall call) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) call.uri().toURL().openConnection();
    connection.setInstanceFollowRedirects(false);
    connection.setUseCaches(false);
    connection.setConnectTimeout(Math.toIntExact(call.connectTimeout().toMillis()));
    connection.setReadTimeout(Math.toIntExact(call.readTimeout().toMillis()));
    connection.setRequestMethod(call.method());
    if (!call.verifyTls() && connection instanceof HttpsURLConnection https) {
      https.setSSLSocketFactory(insecureTls.context().getSocketFactory());
      https.setHostnameVerifier(InsecureTls.ANY_HOST);
    }
    call.headers().forEach(connection::setRequestProperty);
    if (call.body() != null) {
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(call.body().length);
    }
    boolean complete = false;
    try {
      connect(connection);
      if (call.body() != null) {
        try (OutputStream out = connection.getOutputStream()) {
          out.write(call.body());
        }
      }
      int status = connection.getResponseCode();
      Map<String, String> headers = headers(connection);
      byte[] body;
      try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
        body = ResponseBodies.read(in, call.maxResponseBytes());
      }
      complete = true;
      return new HttpReply(status, headers, body);
    } finally {
      if (!complete) {
        // A half-read connection must not go back to the keep-alive pool.
        connection.disconnect();
      }
    }
  }

  private static void connect(HttpURLConnection connection) throws IOException {
    try {
      connection.connect();
    } catch (IOException e) {
      throw new ConnectFailure(e);
    }
  }

  private static Map<String, String> headers(HttpURLConnection connection) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; ; i++) {
      String value = connection.getHeaderField(i);
      if (value == null) {
        return headers;
      }
      String name = connection.getHeaderFieldKey(i);
      if (name != null) {
        headers.merge(name, value, (first, next) -> first + ", " + next);
      }
    }
  }
}
