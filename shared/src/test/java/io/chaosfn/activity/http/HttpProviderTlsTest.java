package io.chaosfn.activity.http;

import static io.chaosfn.activity.TestActivities.context;
import static io.chaosfn.activity.TestActivities.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.activity.ActivityFailedException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code verify_tls} against a real HttpsServer on loopback whose self-signed certificate is made by the
 * JDK's keytool at test time, for the name {@code wrong.test}: it fails both trust and host-name checks.
 */
class HttpProviderTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static LocalHttpServer server;

  private final HttpProvider provider = new HttpProvider(HttpPolicy.unrestricted());

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keyalg", "EC", "-alias", "server",
        "-dname", "CN=wrong.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    server = LocalHttpServer.https(tls).respond("/health", 200, "text/plain", "secure");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void run_selfSignedCertificateWithVerification_failsToConnect() {
    assertThatThrownBy(() -> provider.run(
        provider("{'type':'http','url':'" + server.url("/health") + "'}"), context()))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageStartingWith("failed to connect to " + server.url("/health") + ": SSLHandshakeException");
  }

  @Test
  void run_selfSignedCertificateWithoutVerification_succeeds() {
    JsonNode output = provider.run(
        provider("{'type':'http','verify_tls':false,'url':'" + server.url("/health") + "'}"), context());

    assertThat(output.get("body").stringValue()).isEqualTo("secure");
  }

  @Test
  void run_patchWithoutVerification_succeeds() {
    JsonNode output = provider.run(provider("{'type':'http','method':'PATCH','verify_tls':false,'url':'"
        + server.url("/health") + "'}"), context());

    assertThat(output.get("body").stringValue()).isEqualTo("secure");
  }

  @Test
  void run_patchWithVerification_failsToConnect() {
    assertThatThrownBy(() -> provider.run(provider("{'type':'http','method':'PATCH','url':'"
        + server.url("/health") + "'}"), context()))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageStartingWith("failed to connect to ");
  }

  @Test
  void run_verificationOffForOneRequest_leavesTheNextVerified() {
    provider.run(provider("{'type':'http','verify_tls':false,'url':'" + server.url("/health") + "'}"), context());

    assertThatThrownBy(() -> provider.run(
        provider("{'type':'http','url':'" + server.url("/health") + "'}"), context()))
        .isInstanceOf(ActivityFailedException.class);
  }
}
