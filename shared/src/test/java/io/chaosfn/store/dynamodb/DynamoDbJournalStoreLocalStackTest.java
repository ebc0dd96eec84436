package io.chaosfn.store.dynamodb;

import io.chaosfn.store.JournalStore;
import io.chaosfn.store.JournalStoreContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The contract on LocalStack's DynamoDB, where Docker exists; skipped cleanly where it does not. */
@Testcontainers(disabledWithoutDocker = true)
class DynamoDbJournalStoreLocalStackTest extends JournalStoreContract {
  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
          .withServices(LocalStackContainer.Service.DYNAMODB);

  private static final AtomicInteger TABLES = new AtomicInteger();
  private static DynamoDbClient client;

  @Override
  protected JournalStore newStore() {
    if (client == null) {
      client = DynamoDbClient.builder()
          .endpointOverride(LOCALSTACK.getEndpoint())
          .region(Region.of(LOCALSTACK.getRegion()))
          .credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
          .httpClientBuilder(UrlConnectionHttpClient.builder())
          .build();
    }
    String table = "journal-" + TABLES.incrementAndGet();
    DynamoDbTables.create(client, table);
    return new DynamoDbJournalStore(client, table);
  }

  @AfterAll
  static void closeClient() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
