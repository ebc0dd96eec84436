package io.chaosfn.functions;

import java.net.URI;
import org.testcontainers.containers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** DynamoDB and S3 of one running LocalStack container. */
record LocalStackAws(LocalStackContainer container) implements LocalAws {
  @Override
  public URI dynamoDbEndpoint() {
    return container.getEndpointOverride(LocalStackContainer.Service.DYNAMODB);
  }

  @Override
  public DynamoDbClient dynamoDb() {
    return DynamoDbClient.builder()
        .endpointOverride(dynamoDbEndpoint())
        .region(Region.of(container.getRegion()))
        .credentialsProvider(credentials())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  @Override
  public URI s3Endpoint() {
    return container.getEndpointOverride(LocalStackContainer.Service.S3);
  }

  @Override
  public S3Client s3() {
    return S3Client.builder()
        .endpointOverride(s3Endpoint())
        .region(Region.of(container.getRegion()))
        .credentialsProvider(credentials())
        .forcePathStyle(true)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  @Override
  public String accessKeyId() {
    return container.getAccessKey();
  }

  @Override
  public String secretAccessKey() {
    return container.getSecretKey();
  }

  private StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId(), secretAccessKey()));
  }
}
