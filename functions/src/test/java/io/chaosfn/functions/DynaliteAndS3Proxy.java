package io.chaosfn.functions;

import io.chaosfn.store.dynamodb.Dynalite;
import io.chaosfn.store.s3.S3ProxyServer;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Dynalite for DynamoDB and s3proxy for S3: the local implementations every build runs on. */
record DynaliteAndS3Proxy(Dynalite dynalite, S3ProxyServer s3proxy) implements LocalAws {
  @Override
  public URI dynamoDbEndpoint() {
    return dynalite.endpoint();
  }

  @Override
  public DynamoDbClient dynamoDb() {
    return dynalite.client();
  }

  @Override
  public URI s3Endpoint() {
    return s3proxy.endpoint();
  }

  @Override
  public S3Client s3() {
    return s3proxy.client();
  }

  @Override
  public String accessKeyId() {
    return S3ProxyServer.ACCESS_KEY;
  }

  @Override
  public String secretAccessKey() {
    return S3ProxyServer.SECRET_KEY;
  }
}
