package io.chaosfn.functions.cli;

import io.chaosfn.ChaosfnException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
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
    String key = environment.get("AWS_ACCESS_KEY_ID");
    String secret = environment.get("AWS_SECRET_ACCESS_KEY");
    if (region == null || key == null || secret == null) {
      throw new ChaosfnException("reading from S3 needs AWS_REGION (or AWS_DEFAULT_REGION), AWS_ACCESS_KEY_ID and"
          + " AWS_SECRET_ACCESS_KEY in the environment");
    }
    String session = environment.get("AWS_SESSION_TOKEN");
    AwsCredentials credentials = session == null ? AwsBasicCredentials.create(key, secret)
        : AwsSessionCredentials.create(key, secret, session);
    String endpoint = environment.get("AWS_ENDPOINT_URL_S3");
    var builder = S3Client.builder().region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
    }
    return builder.build();
  }
}
