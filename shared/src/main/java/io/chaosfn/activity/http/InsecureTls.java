package io.chaosfn.activity.http;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS context for {@code verify_tls: false}: any certificate, any host name, for the requests that ask for
 * it and no others. Built on first use, so documents that never disable verification never pay for it.
 */
final class InsecureTls {
  static final HostnameVerifier ANY_HOST = (host, session) -> true;

  private SSLContext context;

  synchronized SSLContext context() {
    if (context == null) {
      try {
        SSLContext created = SSLContext.getInstance("TLS");
        created.init(null, new TrustManager[] {new TrustEverything()}, null);
        context = created;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK offers no TLS context", e);
      }
    }
    return context;
  }

  /**
   * An {@link X509ExtendedTrustManager} on purpose: the JDK wraps a plain {@code X509TrustManager} in one that
   * still checks the host name, which {@code verify_tls: false} must skip as Python's requests does.
   */
  private static final class TrustEverything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
