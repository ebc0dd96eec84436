package io.chaosfn.kubernetes.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.kubernetes.TestClusters;
import io.chaosfn.testing.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

class EksTokenProviderTest {
  private final MutableClock clock = new MutableClock(TestClusters.NOW);
  private final AtomicInteger credentialLookups = new AtomicInteger();
  private final EksTokenProvider provider = new EksTokenProvider("prod-cluster", "eu-west-1", () -> {
    credentialLookups.incrementAndGet();
    return AwsCredentialsIdentity.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  }, clock);

  private static URI decode(String token) {
    String encoded = token.substring(EksTokenProvider.PREFIX.length());
    return URI.create(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
  }

  @Test
  void getToken_fresh_hasPrefixAndUnpaddedBase64Url() {
    String token = provider.getToken();

    assertThat(token).startsWith("k8s-aws-v1.");
    assertThat(token.substring(11)).matches("[A-Za-z0-9_-]+");
    assertThat(token.length()).isLessThan(4096);
  }

  @Test
  void getToken_fresh_encodesAPresignedRegionalStsGetCallerIdentity() {
    URI url = decode(provider.getToken());

    assertThat(url.getScheme()).isEqualTo("https");
    assertThat(url.getHost()).isEqualTo("sts.eu-west-1.amazonaws.com");
    assertThat(url.getPath()).isEqualTo("/");
    assertThat(url.getRawQuery())
        .contains("Action=GetCallerIdentity", "Version=2011-06-15", "X-Amz-Algorithm=AWS4-HMAC-SHA256",
            "X-Amz-Date=20250602T100000Z", "X-Amz-Expires=60", "X-Amz-SignedHeaders=host%3Bx-k8s-aws-id",
            "X-Amz-Credential=AKIDEXAMPLE%2F20250602%2Feu-west-1%2Fsts%2Faws4_request", "X-Amz-Signature=");
  }

  @Test
  void getToken_withinRefreshWindow_reusesTheCachedToken() {
    String first = provider.getToken();
    clock.advance(Duration.ofMinutes(9).plusSeconds(59));

    String second = provider.getToken();

    assertThat(second).isEqualTo(first);
    assertThat(credentialLookups).hasValue(1);
  }

  @Test
  void getToken_afterRefreshWindow_mintsANewTokenBeforeTheFifteenMinuteExpiry() {
    String first = provider.getToken();
    clock.advance(EksTokenProvider.REFRESH_AFTER);

    String second = provider.getToken();

    assertThat(second).isNotEqualTo(first);
    assertThat(decode(second).getRawQuery()).contains("X-Amz-Date=20250602T101000Z");
    assertThat(credentialLookups).hasValue(2);
  }

  @Test
  void toString_neverShowsCredentials() {
    assertThat(provider.toString()).doesNotContain("AKIDEXAMPLE").contains("prod-cluster");
  }
}
