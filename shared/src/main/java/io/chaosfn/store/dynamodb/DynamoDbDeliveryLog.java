package io.chaosfn.store.dynamodb;

import static io.chaosfn.store.dynamodb.RunItems.s;

import io.chaosfn.store.Delivery;
import io.chaosfn.store.DeliveryLog;
import io.chaosfn.store.StoreUnavailableException;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Deliveries as items of the journal table: {@code DELIVERY#<source>#<id>} / {@code DELIVERY}, with
 * {@code firstSeenAt} and the TTL attribute {@code expiresAt} (epoch seconds) a week later. {@link #record} is one
 * conditional PutItem; its condition also accepts an expired item, because DynamoDB deletes expired items only
 * within a day or two of their expiry, and until then a new copy of the delivery must count as new.
 */
public final class DynamoDbDeliveryLog implements DeliveryLog {
  static final String FIRST_SEEN_AT = "firstSeenAt";

  private final DynamoDbClient client;
  private final String table;

  public DynamoDbDeliveryLog(DynamoDbClient client, String tableName) {
    this.client = client;
    this.table = tableName;
  }

  @Override
  public boolean record(Delivery delivery, Instant now) {
    Map<String, AttributeValue> item = Map.of(
        RunItems.PK, s(delivery.partitionKey()),
        RunItems.SK, s(Delivery.SORT_KEY),
        FIRST_SEEN_AT, s(now.toString()),
        RunItems.EXPIRES_AT, AttributeValue.fromN(Long.toString(Delivery.expiresAt(now).getEpochSecond())));
    try {
      client.putItem(put -> put.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(#pk) OR #expiresAt <= :now")
          .expressionAttributeNames(Map.of("#pk", RunItems.PK, "#expiresAt", RunItems.EXPIRES_AT))
          .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    } catch (SdkException e) {
      throw new StoreUnavailableException("DynamoDB table " + table + ": cannot record a webhook delivery: "
          + e.getMessage(), e);
    }
  }

  @Override
  public void forget(Delivery delivery) {
    try {
      client.deleteItem(delete -> delete.tableName(table)
          .key(Map.of(RunItems.PK, s(delivery.partitionKey()), RunItems.SK, s(Delivery.SORT_KEY))));
    } catch (SdkException e) {
      throw new StoreUnavailableException("DynamoDB table " + table + ": cannot forget a webhook delivery: "
          + e.getMessage(), e);
    }
  }
}
