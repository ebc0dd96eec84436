package io.chaosfn.store.dynamodb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The journal table of architecture.md (data model), for tests and the sandbox; the SAM template declares the
 * same keys, indexes and TTL attribute for AWS, and its contract test compares them with these constants.
 */
public final class DynamoDbTables {
  public static final String PARTITION_KEY = RunItems.PK;
  public static final String SORT_KEY = RunItems.SK;
  public static final String EXPERIMENTS_INDEX = "experiments-index";
  public static final String OUTCOME_INDEX = "outcome-index";
  public static final String RUN_INDEX = "run-index";
  public static final String TTL_ATTRIBUTE = RunItems.EXPIRES_AT;

  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbTables.class);

  private DynamoDbTables() {}

  /** Creates the table with its indexes, waits until it exists, and turns TTL on where the endpoint can. */
  public static void create(DynamoDbClient client, String tableName) {
    client.createTable(table -> table
        .tableName(tableName)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            string(RunItems.PK), string(RunItems.SK), string(RunItems.EXPERIMENTS_KEY),
            string(RunItems.EXPERIMENT_ID), string(RunItems.OUTCOME_KEY), string(RunItems.RUN_ID))
        .keySchema(hash(RunItems.PK), range(RunItems.SK))
        .globalSecondaryIndexes(
            index(EXPERIMENTS_INDEX, RunItems.EXPERIMENTS_KEY, RunItems.EXPERIMENT_ID,
                Projection.builder().projectionType(ProjectionType.ALL).build()),
            index(OUTCOME_INDEX, RunItems.OUTCOME_KEY, RunItems.RUN_ID, Projection.builder()
                .projectionType(ProjectionType.INCLUDE).nonKeyAttributes(RunItems.OUTCOME_INDEX_ATTRIBUTES).build()),
            GlobalSecondaryIndex.builder().indexName(RUN_INDEX).keySchema(hash(RunItems.RUN_ID))
                .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
    client.waiter().waitUntilTableExists(wait -> wait.tableName(tableName));
    try {
      client.updateTimeToLive(ttl -> ttl.tableName(tableName)
          .timeToLiveSpecification(spec -> spec.attributeName(TTL_ATTRIBUTE).enabled(true)));
    } catch (DynamoDbException e) {
      // dynalite has no UpdateTimeToLive; items still carry expiresAt, only nothing deletes them there.
      LOG.info("TTL not enabled on {}: {}", tableName, e.awsErrorDetails().errorMessage());
    }
  }

  private static GlobalSecondaryIndex index(String name, String hash, String range, Projection projection) {
    return GlobalSecondaryIndex.builder().indexName(name).keySchema(hash(hash), range(range))
        .projection(projection).build();
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement hash(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
  }

  private static KeySchemaElement range(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
  }
}
