package io.chaosfn.functions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * How to reach the journal table, read from the environment map a composition root passes in: the region
 * ({@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}); credentials from the standard variables
 * ({@link AwsCredentialVariables}), else the shared-config profile {@code AWS_PROFILE} (or {@code default});
 * and {@code AWS_ENDPOINT_URL_DYNAMODB} (the variable the functions' {@link Settings} read too) to point the
 * client at a local DynamoDB (dynalite, the sandbox) instead of AWS. Clients use the url-connection HTTP client
 * and nothing the SDK would find by itself. The CLI builds its DynamoDB store from this: unlike the functions,
 * it runs with the user's environment, where a profile is common and the table comes from {@code --store}.
 *
 * @param credentials resolved when the client signs its first request, so a missing profile surfaces then
 */
public record DynamoDbSettings(Region region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
  public static final String REGION = Settings.REGION;
  public static final String DEFAULT_REGION = "AWS_DEFAULT_REGION";
  public static final String PROFILE = "AWS_PROFILE";
  public static final String ENDPOINT = Settings.ENDPOINT_PREFIX + "DYNAMODB";
  /** Every variable {@link #from} reads. */
  public static final List<String> VARIABLES = List.of(REGION, DEFAULT_REGION, PROFILE, ENDPOINT,
      AwsCredentialVariables.ACCESS_KEY_ID, AwsCredentialVariables.SECRET_ACCESS_KEY,
      AwsCredentialVariables.SESSION_TOKEN);

  public DynamoDbSettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(credentials, "credentials");
  }

  /**
   * @throws IllegalArgumentException naming every variable that is missing or malformed
   */
  public static DynamoDbSettings from(Map<String, String> environment) {
    List<String> problems = new ArrayList<>();
    Optional<String> region = nonBlank(environment.get(REGION)).or(() -> nonBlank(environment.get(DEFAULT_REGION)));
    if (region.isEmpty()) {
      problems.add(REGION + " (or " + DEFAULT_REGION + ") is not set: DynamoDB needs a region");
    }
    Optional<String> endpointText = nonBlank(environment.get(ENDPOINT));
    Optional<URI> endpoint = endpointText.flatMap(DynamoDbSettings::endpoint);
    if (endpointText.isPresent() && endpoint.isEmpty()) {
      problems.add(ENDPOINT + " must be an http(s) URL such as http://127.0.0.1:4567, was '" + endpointText.get()
          + "'");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    AwsCredentialsProvider credentials = AwsCredentialVariables.from(environment)
        .<AwsCredentialsProvider>map(StaticCredentialsProvider::create)
        .orElseGet(() -> ProfileCredentialsProvider.builder()
            .profileName(nonBlank(environment.get(PROFILE)).orElse("default")).build());
    return new DynamoDbSettings(Region.of(region.get()), endpoint, credentials);
  }

  public DynamoDbClient client() {
    var builder = DynamoDbClient.builder()
        .region(region)
        .credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /** Leaves the credentials out: even a provider's description may carry a key id. */
  @Override
  public String toString() {
    return "DynamoDbSettings[region=" + region + ", endpoint=" + endpoint.map(URI::toString).orElse("AWS") + "]";
  }

  private static Optional<URI> endpoint(String text) {
    try {
      URI uri = new URI(text);
      boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
