package io.chaosfn.store.dynamodb;

import io.chaosfn.store.ExperimentKeys;
import io.chaosfn.store.StoreUnavailableException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The key map as items {@code KEY#<s3 key>} / {@code KEY} in the journal table, holding {@code experimentId}. */
public final class DynamoDbExperimentKeys implements ExperimentKeys {
  static final String PARTITION_PREFIX = "KEY#";
  static final String SORT_KEY = "KEY";

  private final DynamoDbClient client;
  private final String tableName;

  public DynamoDbExperimentKeys(DynamoDbClient client, String tableName) {
    this.client = client;
    this.tableName = tableName;
  }

  @Override
  public void put(String key, String experimentId) {
    Map<String, AttributeValue> item = new HashMap<>(key(key));
    item.put(RunItems.EXPERIMENT_ID, AttributeValue.fromS(experimentId));
    call("record key " + key, () -> client.putItem(put -> put.tableName(tableName).item(item)));
  }

  @Override
  public Optional<String> experimentId(String key) {
    Map<String, AttributeValue> item = call("read key " + key, () -> client.getItem(get -> get.tableName(tableName)
        .key(key(key)).consistentRead(true)).item());
    return Optional.ofNullable(item).map(found -> found.get(RunItems.EXPERIMENT_ID)).map(AttributeValue::s);
  }

  @Override
  public void remove(String key) {
    call("remove key " + key, () -> client.deleteItem(delete -> delete.tableName(tableName).key(key(key))));
  }

  private static Map<String, AttributeValue> key(String key) {
    return Map.of(RunItems.PK, AttributeValue.fromS(PARTITION_PREFIX + key),
        RunItems.SK, AttributeValue.fromS(SORT_KEY));
  }

  private <T> T call(String what, Supplier<T> request) {
    try {
      return request.get();
    } catch (SdkException e) {
      throw new StoreUnavailableException("DynamoDB " + tableName + ": cannot " + what + ": " + e.getMessage(), e);
    }
  }
}
