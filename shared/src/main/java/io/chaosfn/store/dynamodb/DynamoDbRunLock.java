package io.chaosfn.store.dynamodb;

import io.chaosfn.store.RunLock;
import io.chaosfn.store.StoreUnavailableException;
import io.chaosfn.store.TargetLockedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Target locks in the journal table: item {@code LOCK#<target>} / {@code LOCK} with the owner's run id and
 * {@code leaseUntil} (epoch milliseconds), taken with one conditional PutItem
 * ({@code attribute_not_exists(PK) OR leaseUntil < :now}) and freed with a DeleteItem conditional on the owner.
 * No transactions and no Scan. A lock item also carries {@code expiresAt} a day after its lease, so TTL clears
 * the targets of experiments that were deleted.
 */
public final class DynamoDbRunLock implements RunLock {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbRunLock.class);
  static final String OWNER = "owner";
  static final String LEASE_UNTIL = "leaseUntil";
  private static final Duration ITEM_RETENTION = Duration.ofDays(1);
  /** A lock freed between our failed put and our read is tried again, a few times. */
  private static final int ATTEMPTS = 3;

  private final DynamoDbClient client;
  private final String table;

  public DynamoDbRunLock(DynamoDbClient client, String table) {
    this.client = client;
    this.table = table;
  }

  @Override
  public Lease acquire(String target, String owner, Instant now, Instant until) {
    Lease lease = new Lease(target, owner, until);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        call("take lock " + target, () -> client.putItem(p -> p.tableName(table).item(item(lease))
            .conditionExpression("attribute_not_exists(#pk) OR #until < :now")
            .expressionAttributeNames(Map.of("#pk", RunItems.PK, "#until", LEASE_UNTIL))
            .expressionAttributeValues(Map.of(":now", millis(now)))));
        return lease;
      } catch (ConditionalCheckFailedException e) {
        Map<String, AttributeValue> held = call("read lock " + target, () -> client.getItem(g -> g.tableName(table)
            .key(key(target)).consistentRead(true)).item());
        if (held != null && !held.isEmpty()) {
          throw new TargetLockedException(new Lease(target, held.get(OWNER).s(),
              Instant.ofEpochMilli(Long.parseLong(held.get(LEASE_UNTIL).n()))));
        }
        LOG.debug("lock {} was freed while run {} tried to take it (attempt {})", target, owner, attempt);
      }
    }
    throw new StoreUnavailableException("DynamoDB table " + table + ": lock " + target + " kept changing while run "
        + owner + " tried to take it", null);
  }

  @Override
  public void release(Lease lease) {
    try {
      call("release lock " + lease.target(), () -> client.deleteItem(d -> d.tableName(table).key(key(lease.target()))
          .conditionExpression("#owner = :owner")
          .expressionAttributeNames(Map.of("#owner", OWNER))
          .expressionAttributeValues(Map.of(":owner", RunItems.s(lease.owner())))));
    } catch (ConditionalCheckFailedException e) {
      LOG.info("lock {} is no longer held by run {}; left as it is", lease.target(), lease.owner());
    }
  }

  private static Map<String, AttributeValue> item(Lease lease) {
    return Map.of(
        RunItems.PK, RunItems.s(partition(lease.target())),
        RunItems.SK, RunItems.s("LOCK"),
        OWNER, RunItems.s(lease.owner()),
        LEASE_UNTIL, millis(lease.until()),
        RunItems.EXPIRES_AT, AttributeValue.fromN(Long.toString(lease.until().plus(ITEM_RETENTION).getEpochSecond())));
  }

  static Map<String, AttributeValue> key(String target) {
    return Map.of(RunItems.PK, RunItems.s(partition(target)), RunItems.SK, RunItems.s("LOCK"));
  }

  private static String partition(String target) {
    return "LOCK#" + target;
  }

  private static AttributeValue millis(Instant instant) {
    return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
  }

  private <T> T call(String what, Supplier<T> request) {
    try {
      return request.get();
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw new StoreUnavailableException("DynamoDB table " + table + ": cannot " + what + ": " + e.getMessage(), e);
    }
  }
}
