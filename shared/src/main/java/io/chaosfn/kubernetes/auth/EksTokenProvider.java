package io.chaosfn.kubernetes.auth;

import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Mints the bearer token EKS accepts for IAM principals, in-process, as {@code aws eks get-token} does: an STS
 * {@code GetCallerIdentity} URL presigned with SigV4 (the {@code x-k8s-aws-id: <cluster>} header signed), then
 * {@code k8s-aws-v1.} + base64url of the URL without padding. No network call and no IAM permission are needed:
 * EKS makes the STS call itself.
 *
 * <p>EKS accepts a token for 15 minutes after its {@code X-Amz-Date} whatever {@code X-Amz-Expires} says. fabric8
 * asks {@link #getToken()} before every request, so the token is cached and minted again once it is
 * {@link #REFRESH_AFTER} old, leaving five minutes of margin for clock skew and long requests. Credentials are
 * fetched for every mint, so rotated Lambda credentials are picked up. Thread-safe.
 */
public final class EksTokenProvider implements OAuthTokenProvider {
  /** How long a minted token is reused. */
  public static final Duration REFRESH_AFTER = Duration.ofMinutes(10);
  static final String PREFIX = "k8s-aws-v1.";
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private final String clusterName;
  private final String region;
  private final Supplier<? extends AwsCredentialsIdentity> credentials;
  private final Clock clock;
  private String token;
  private Instant mintedAt;

  /**
   * @param clusterName the EKS cluster's name (not its ARN), signed as {@code x-k8s-aws-id}
   * @param region the cluster's region; the token is presigned for that region's STS endpoint
   * @param credentials the principal's credentials, asked again for every new token
   * @param clock when tokens are minted and when they are old
   */
  public EksTokenProvider(
      String clusterName, String region, Supplier<? extends AwsCredentialsIdentity> credentials, Clock clock) {
    this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
    this.region = Objects.requireNonNull(region, "region");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized String getToken() {
    Instant now = clock.instant();
    if (token == null || !now.isBefore(mintedAt.plus(REFRESH_AFTER))) {
      token = mint(now);
      mintedAt = now;
    }
    return token;
  }

  private String mint(Instant now) {
    SdkHttpRequest request = SdkHttpRequest.builder()
        .method(SdkHttpMethod.GET)
        .uri(URI.create("https://sts." + region + ".amazonaws.com/"))
        .putRawQueryParameter("Action", "GetCallerIdentity")
        .putRawQueryParameter("Version", "2011-06-15")
        .putHeader("x-k8s-aws-id", clusterName)
        .build();
    SdkHttpRequest signed = SIGNER.sign(r -> r
        .identity(credentials.get())
        .request(request)
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
        .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(60))
        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(now, clock.getZone())))
        .request();
    String url = signed.getUri().toString();
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "EksTokenProvider[cluster=" + clusterName + ", region=" + region + "]";
  }
}
