package io.chaosfn.store.dynamodb;

import static io.chaosfn.store.RunFixtures.finished;
import static io.chaosfn.store.RunFixtures.runId;
import static io.chaosfn.store.RunFixtures.startOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.ChaosfnException;
import io.chaosfn.engine.journal.JournalCodec;
import io.chaosfn.store.ExperimentHistory;
import io.chaosfn.store.JournalLayout;
import io.chaosfn.store.JournalStore;
import io.chaosfn.store.JournalStoreContract;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.Page;
import io.chaosfn.store.RunQuery;
import io.chaosfn.store.RunRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;

/** The contract on dynalite, plus what only the DynamoDB store has: request counts, gzip, TTL, large journals. */
class DynamoDbJournalStoreTest extends JournalStoreContract {
  @RegisterExtension
  static final Dynalite DYNALITE = new Dynalite();

  private static final RequestCounter COUNTER = new RequestCounter();
  private DynamoDbClient client;
  private String table;

  @Override
  protected JournalStore newStore() {
    client = DYNALITE.client(COUNTER);
    table = DYNALITE.createTable(client, "journal");
    return new DynamoDbJournalStore(client, table);
  }

  @Test
  void runs_twentyOfOneExperiment_takeOneQueryReadingAtMostTwentyOneItems() {
    IntStream.rangeClosed(1, 60).forEach(n -> store.put(finished(n % 2 == 0 ? "db-failover" : "other", n,
        Outcome.COMPLETED)));
    warmCursorKey();
    COUNTER.reset();

    Page<RunRecord> page = store.runs(RunQuery.ofExperiment("db-failover", 20));

    assertThat(page.items()).hasSize(20);
    assertThat(COUNTER.operations()).containsExactly("Query");
    assertThat(COUNTER.itemsRead()).isLessThanOrEqualTo(21);
  }

  @Test
  void everyReadPath_sendsQueriesAndGetsOnly() {
    IntStream.rangeClosed(1, 30).forEach(n -> store.put(finished(n % 3 == 0 ? "db-failover" : "other", n,
        n % 4 == 0 ? Outcome.DEVIATED : Outcome.COMPLETED)));
    warmCursorKey();
    COUNTER.reset();

    store.get(runId(3));
    store.get("no-such-run");
    Page<RunRecord> first = store.runs(RunQuery.ofExperiment("db-failover", 3));
    store.runs(RunQuery.ofExperiment("db-failover", 3).withCursor(first.nextCursor()));
    store.runs(new RunQuery("db-failover", Outcome.DEVIATED, true, "cli", startOf(1),
        startOf(30), 5, null));
    Page<RunRecord> deviated = store.runs(new RunQuery(null, Outcome.DEVIATED, null, null, null, null, 2, null));
    store.runs(new RunQuery(null, Outcome.DEVIATED, null, null, null, null, 2, deviated.nextCursor()));
    store.experiments();
    store.history("db-failover");

    assertThat(COUNTER.operations()).isNotEmpty().allMatch(op -> op.equals("Query") || op.equals("GetItem"));
  }

  @Test
  void put_finishedRun_storesTheJournalGzippedWithItsExpiry() {
    RunRecord run = finished("db-failover", 1, Outcome.COMPLETED);

    store.put(run);

    Map<String, AttributeValue> item = rawItem(run);
    assertThat(JournalLayout.gunzip(item.get("journal").b().asByteArray()))
        .isEqualTo(JournalCodec.write(run.journal()));
    assertThat(Long.parseLong(item.get(DynamoDbTables.TTL_ATTRIBUTE).n()))
        .isEqualTo(run.endedAt().plus(JournalLayout.DEFAULT_RETENTION).getEpochSecond());
  }

  @Test
  void put_journalAboveTheInlineLimit_goesToTheBucketAndTheItemKeepsTheKey() {
    InMemoryBucket bucket = new InMemoryBucket();
    JournalStore small = new DynamoDbJournalStore(client, table, new JournalLayout(Duration.ofDays(1), 64), bucket);
    RunRecord run = finished("db-failover", 1, Outcome.COMPLETED);

    small.put(run);

    Map<String, AttributeValue> item = rawItem(run);
    assertThat(item).doesNotContainKey("journal");
    assertThat(item.get("journalKey").s()).isEqualTo(JournalLayout.largeJournalKey(runId(1)));
    assertThat(bucket.objects).containsKey(JournalLayout.largeJournalKey(runId(1)));
    assertThat(JournalCodec.write(small.get(runId(1)).orElseThrow().journal()))
        .isEqualTo(JournalCodec.write(run.journal()));
  }

  @Test
  void put_journalAboveTheInlineLimitWithoutBucket_isRefusedWithTheSize() {
    JournalStore small = new DynamoDbJournalStore(client, table, new JournalLayout(Duration.ofDays(1), 64),
        LargeJournalBucket.none());

    assertThatThrownBy(() -> small.put(finished("db-failover", 1, Outcome.COMPLETED)))
        .isInstanceOf(ChaosfnException.class)
        .hasMessageContaining("above the inline limit");
    assertThat(small.get(runId(1))).isEmpty();
  }

  @Test
  void importRuns_manyRuns_storesThemAndTheHistoryOfEachExperiment() {
    List<RunRecord> runs = IntStream.rangeClosed(1, 60).mapToObj(n -> finished(n % 2 == 0 ? "db-failover" : "other",
        n, n % 7 == 0 ? Outcome.DEVIATED : Outcome.COMPLETED)).toList();

    ((DynamoDbJournalStore) store).importRuns(runs);

    assertThat(store.runs(RunQuery.ofExperiment("db-failover", 100)).items()).hasSize(30);
    assertThat(store.history("other")).contains(ExperimentHistory.of("other",
        runs.stream().filter(r -> r.experimentId().equals("other")).toList()));
  }

  @Test
  void create_table_hasTheThreeIndexesOfTheDesign() {
    assertThat(client.describeTable(d -> d.tableName(table)).table().globalSecondaryIndexes())
        .extracting(GlobalSecondaryIndexDescription::indexName)
        .containsExactlyInAnyOrder("experiments-index", "outcome-index", "run-index");
  }

  /** The first cursor a store makes costs a GetItem (and a PutItem in a new table) to load its signing key. */
  private void warmCursorKey() {
    store.runs(RunQuery.ofExperiment("db-failover", 1));
  }

  private Map<String, AttributeValue> rawItem(RunRecord run) {
    return client.getItem(g -> g.tableName(table).key(Map.of(
        "PK", AttributeValue.fromS(JournalLayout.experimentPartition(run.experimentId())),
        "SK", AttributeValue.fromS(JournalLayout.runSortKey(run.runId()))))).item();
  }
}
