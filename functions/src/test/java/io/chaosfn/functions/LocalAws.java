package io.chaosfn.functions;

import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWS services the pipeline tests run the functions on: DynamoDB and S3 at local endpoints, and the
 * credentials those endpoints accept. Dynalite with s3proxy everywhere; LocalStack where Docker exists.
 */
interface LocalAws {
  URI dynamoDbEndpoint();

  DynamoDbClient dynamoDb();

  URI s3Endpoint();

  S3Client s3();

  String accessKeyId();

  String secretAccessKey();
}
