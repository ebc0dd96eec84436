package io.chaosfn.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.store.Delivery;
import io.chaosfn.store.DeliveryLog;
import io.chaosfn.store.DeliveryLogContract;
import io.chaosfn.store.StoreUnavailableException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The contract on dynalite, in the journal table, plus the item's layout and TTL. */
class DynamoDbDeliveryLogTest extends DeliveryLogContract {
  @RegisterExtension
  static final Dynalite DYNALITE = new Dynalite();

  private static final RequestCounter COUNTER = new RequestCounter();
  private DynamoDbClient client;
  private String table;

  @Override
  protected DeliveryLog newLog() {
    client = DYNALITE.client(COUNTER);
    table = DYNALITE.createTable(client, "deliveries");
    return new DynamoDbDeliveryLog(client, table);
  }

  @Test
  void record_writesTheDeliveryItemWithAWeekOfTtl() {
    Delivery delivery = new Delivery("flux", "abc123");

    log.record(delivery, FIRST_SEEN);

    Map<String, AttributeValue> item = client.getItem(get -> get.tableName(table)
        .key(Map.of("PK", AttributeValue.fromS("DELIVERY#flux#abc123"), "SK", AttributeValue.fromS("DELIVERY"))))
        .item();
    assertThat(item.get("expiresAt").n())
        .isEqualTo(Long.toString(FIRST_SEEN.plus(Delivery.RETENTION).getEpochSecond()));
    assertThat(item.get("firstSeenAt").s()).isEqualTo(FIRST_SEEN.toString());
  }

  @Test
  void record_isOneConditionalPut() {
    COUNTER.reset();

    log.record(new Delivery("flux", "abc123"), FIRST_SEEN);
    log.record(new Delivery("flux", "abc123"), FIRST_SEEN);

    assertThat(COUNTER.operations()).containsExactly("PutItem", "PutItem");
  }

  @Test
  void record_missingTable_isStoreUnavailable() {
    DeliveryLog missing = new DynamoDbDeliveryLog(client, "no-such-table");

    assertThatThrownBy(() -> missing.record(new Delivery("flux", "abc123"), FIRST_SEEN))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("no-such-table");
  }
}
