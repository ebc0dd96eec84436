package io.chaosfn.activity.http;

import static io.chaosfn.activity.TestActivities.context;
import static io.chaosfn.activity.TestActivities.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.activity.ActivityFailedException;
import java.io.IOException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The restricted policy refuses link-local and instance-metadata addresses before connecting. */
class HttpProviderPolicyTest {
  private final HttpProvider restricted = new HttpProvider(HttpPolicy.restricted());

  @Test
  void run_instanceMetadataAddress_isRefused() {
    assertThatThrownBy(() -> restricted.run(
        provider("{'type':'http','url':'http://169.254.169.254/latest/meta-data/'}"), context()))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageStartingWith("refused to connect to http://169.254.169.254/latest/meta-data/")
        .hasMessageContaining("link-local or instance-metadata address");
  }

  @Test
  void run_ipv6LinkLocalAddress_isRefused() {
    assertThatThrownBy(() -> restricted.run(provider("{'type':'http','url':'http://[fe80::1]/'}"), context()))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageStartingWith("refused to connect to ");
  }

  @Test
  void refused_ec2Ipv6MetadataAddress_isTrue() throws IOException {
    assertThat(AddressGuard.refused(InetAddress.getByName("fd00:ec2::254"))).isTrue();
  }

  @Test
  void refused_loopbackAddress_isFalse() throws IOException {
    assertThat(AddressGuard.refused(InetAddress.getByName("127.0.0.1"))).isFalse();
  }

  @Test
  void run_redirectToMetadataAddress_isRefused() throws IOException {
    try (LocalHttpServer server = LocalHttpServer.http().on("/hop", exchange -> {
      exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/api/token");
      LocalHttpServer.reply(exchange, 307, null, new byte[0]);
    })) {

      assertThatThrownBy(() -> restricted.run(provider("{'type':'http','url':'" + server.url("/hop") + "'}"),
          context()))
          .isInstanceOf(ActivityFailedException.class)
          .hasMessageStartingWith("refused to connect to http://169.254.169.254/latest/api/token");
    }
  }

  @Test
  void run_loopbackUnderRestrictedPolicy_isAllowed() throws IOException {
    try (LocalHttpServer server = LocalHttpServer.http().respond("/ok", 200, "text/plain", "ok")) {

      var output = restricted.run(provider("{'type':'http','url':'" + server.url("/ok") + "'}"), context());

      assertThat(output.get("status").intValue()).isEqualTo(200);
    }
  }
}
