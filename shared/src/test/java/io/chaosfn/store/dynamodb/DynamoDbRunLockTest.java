package io.chaosfn.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.store.RunLock;
import io.chaosfn.store.RunLockContract;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The lock contract on dynalite, plus the item layout of architecture.md. */
class DynamoDbRunLockTest extends RunLockContract {
  @RegisterExtension
  static final Dynalite DYNALITE = new Dynalite();
  private static final String TABLE = "locks";
  private static DynamoDbClient client;

  @BeforeAll
  static void table() {
    client = DYNALITE.client();
    DynamoDbTables.create(client, TABLE);
  }

  @Override
  protected RunLock lock() {
    return new DynamoDbRunLock(client, TABLE);
  }

  @Test
  void acquire_writesLockItemWithOwnerAndLeaseUntil() {
    Instant until = Instant.parse("2025-03-01T10:15:00Z");

    lock().acquire("prod/layout", "run-9", until.minusSeconds(900), until);

    var item = client.getItem(g -> g.tableName(TABLE).key(DynamoDbRunLock.key("prod/layout"))).item();
    assertThat(item.get("PK").s()).isEqualTo("LOCK#prod/layout");
    assertThat(item.get("SK").s()).isEqualTo("LOCK");
    assertThat(item.get(DynamoDbRunLock.OWNER).s()).isEqualTo("run-9");
    assertThat(item.get(DynamoDbRunLock.LEASE_UNTIL).n()).isEqualTo(Long.toString(until.toEpochMilli()));
  }
}
