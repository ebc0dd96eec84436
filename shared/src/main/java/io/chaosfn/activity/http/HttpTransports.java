package io.chaosfn.activity.http;

/**
 * Picks the JDK client per method: {@link java.net.HttpURLConnection} for the methods it accepts, a
 * {@code java.net.http} client, made on first use, for the others (PATCH). The measurement behind the choice
 * is in docs/performance.md.
 */
final class HttpTransports {
  private final InsecureTls insecureTls = new InsecureTls();
  private final HttpTransport urlConnection = new UrlConnectionTransport(insecureTls);
  private HttpTransport jdkClient;

  HttpTransport forMethod(String method) {
    return UrlConnectionTransport.METHODS.contains(method) ? urlConnection : jdkClient();
  }

  private synchronized HttpTransport jdkClient() {
    if (jdkClient == null) {
      jdkClient = new JdkClientTransport(insecureTls);
    }
    return jdkClient;
  }
}
