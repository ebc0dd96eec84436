package io.chaosfn.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The S3 key map on dynalite. */
class DynamoDbExperimentKeysTest {
  @RegisterExtension
  static final Dynalite DYNALITE = new Dynalite();

  private DynamoDbClient client;
  private String table;
  private DynamoDbExperimentKeys keys;

  @BeforeEach
  void table() {
    client = DYNALITE.client();
    table = "keys-" + UUID.randomUUID();
    DynamoDbTables.create(client, table);
    keys = new DynamoDbExperimentKeys(client, table);
  }

  @Test
  void put_thenRead_givesTheExperimentId() {
    keys.put("experiments/db.yaml", "frontend-db-failover");

    assertThat(keys.experimentId("experiments/db.yaml")).contains("frontend-db-failover");
  }

  @Test
  void put_writesTheKeyItemOfTheDataModel() {
    keys.put("experiments/db.yaml", "frontend-db-failover");

    Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table).key(Map.of(
        "PK", AttributeValue.fromS("KEY#experiments/db.yaml"), "SK", AttributeValue.fromS("KEY")))).item();
    assertThat(item.get("experimentId").s()).isEqualTo("frontend-db-failover");
  }

  @Test
  void put_again_replacesTheId() {
    keys.put("experiments/db.yaml", "old-id");

    keys.put("experiments/db.yaml", "new-id");

    assertThat(keys.experimentId("experiments/db.yaml")).contains("new-id");
  }

  @Test
  void remove_recordedKey_forgetsIt() {
    keys.put("experiments/db.yaml", "frontend-db-failover");

    keys.remove("experiments/db.yaml");

    assertThat(keys.experimentId("experiments/db.yaml")).isEmpty();
  }

  @Test
  void remove_unknownKey_doesNothing() {
    keys.remove("experiments/unknown.yaml");

    assertThat(keys.experimentId("experiments/unknown.yaml")).isEmpty();
  }
}
