package io.chaosfn.functions.cli;

import io.chaosfn.ChaosfnException;
import io.chaosfn.functions.AwsCredentialVariables;
import io.chaosfn.functions.Settings;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** AWS clients for the CLI, from the standard AWS variables of its environment; built only when a command needs one. */
final class CliAws {
  private CliAws() {}

  /**
   * @throws ChaosfnException naming the variables that are missing
   */
  static S3Client s3(CliEnvironment environment) {
    String region = environment.get("AWS_REGION") != null ? environment.get("AWS_REGION")
        : environment.get("AWS_DEFAULT_REGION");
    AwsCredentials credentials = AwsCredentialVariables.from(environment.variables()).orElse(null);
    if (region == null || credentials == null) {
      throw new ChaosfnException("reading from S3 needs AWS_REGION (or AWS_DEFAULT_REGION), AWS_ACCESS_KEY_ID and"
          + " AWS_SECRET_ACCESS_KEY in the environment");
    }
    String endpoint = environment.get(Settings.ENDPOINT_PREFIX + "S3");
    var builder = S3Client.builder().region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
    }
    return builder.build();
  }
}
