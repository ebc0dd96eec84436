package io.chaosfn.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class DynamoDbSettingsTest {
  private static final Map<String, String> KEYS = Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
      "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

  @Test
  void from_awsRegion_winsOverTheDefaultRegion() {
    DynamoDbSettings settings = DynamoDbSettings.from(Map.of("AWS_REGION", "eu-west-3",
        "AWS_DEFAULT_REGION", "us-east-1"));

    assertThat(settings.region()).isEqualTo(Region.EU_WEST_3);
    assertThat(settings.endpoint()).isEmpty();
  }

  @Test
  void from_onlyTheDefaultRegion_usesIt() {
    DynamoDbSettings settings = DynamoDbSettings.from(Map.of("AWS_DEFAULT_REGION", "us-east-1"));

    assertThat(settings.region()).isEqualTo(Region.US_EAST_1);
  }

  @Test
  void from_noRegionAndABadEndpoint_reportsBoth() {
    assertThatThrownBy(() -> DynamoDbSettings.from(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "localhost:4567")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AWS_REGION (or AWS_DEFAULT_REGION) is not set")
        .hasMessageContaining("AWS_ENDPOINT_URL_DYNAMODB must be an http(s) URL");
  }

  @Test
  void from_endpoint_isKept() {
    DynamoDbSettings settings = DynamoDbSettings.from(Map.of("AWS_REGION", "us-east-1",
        "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:4567"));

    assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:4567"));
  }

  @Test
  void from_sessionCredentialsInTheVariables_areUsed() {
    DynamoDbSettings settings = DynamoDbSettings.from(Map.of("AWS_REGION", "us-east-1",
        "AWS_ACCESS_KEY_ID", "ASIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token"));

    assertThat(settings.credentials().resolveCredentials()).isInstanceOfSatisfying(AwsSessionCredentials.class,
        c -> assertThat(c.sessionToken()).isEqualTo("token"));
  }

  @Test
  void from_noCredentialVariables_fallsBackToTheProfile() {
    DynamoDbSettings settings = DynamoDbSettings.from(Map.of("AWS_REGION", "us-east-1", "AWS_PROFILE", "chaos"));

    assertThat(settings.credentials()).isInstanceOf(ProfileCredentialsProvider.class);
  }

  @Test
  void toString_leavesTheCredentialsOut() {
    Map<String, String> environment = new java.util.HashMap<>(KEYS);
    environment.put("AWS_REGION", "us-east-1");

    String text = DynamoDbSettings.from(environment).toString();

    assertThat(text).doesNotContain("AKIDEXAMPLE").doesNotContain("wJalr").contains("us-east-1");
  }
}
