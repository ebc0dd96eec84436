package io.chaosfn.sandbox;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** s3proxy in this JVM with its in-memory blob store: the experiments bucket. Credentials as given, signature V4. */
final class LocalS3 implements AutoCloseable {
  private final S3Proxy proxy;
  private final S3Client client;

  LocalS3(String region, String accessKey, String secretKey) throws Exception {
    proxy = S3Proxy.builder()
        .blobStore(new TransientNio2BlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
        .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.onSpinWait();
    }
    client = S3Client.builder().endpointOverride(endpoint()).forcePathStyle(true).region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  void createBucket(String bucket) {
    client.createBucket(b -> b.bucket(bucket));
  }

  /** Uploads a document through the S3 API, as {@code aws s3 cp} would. */
  void put(String bucket, String key, String content) {
    client.putObject(b -> b.bucket(bucket).key(key).contentType("application/yaml"), RequestBody.fromString(content));
  }

  @Override
  public void close() throws Exception {
    client.close();
    proxy.stop();
  }
}
