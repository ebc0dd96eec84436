package io.chaosfn.store.dynamodb;

import static io.chaosfn.store.dynamodb.RunItems.s;

import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.JournalCodec;
import io.chaosfn.store.ExperimentHistory;
import io.chaosfn.store.ExperimentSummary;
import io.chaosfn.store.JournalLayout;
import io.chaosfn.store.JournalStore;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.Page;
import io.chaosfn.store.RunQuery;
import io.chaosfn.store.RunRecord;
import io.chaosfn.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Runs in the single DynamoDB table of architecture.md: run items under {@code EXP#<id>} / {@code RUN#<runId>},
 * one META item per experiment holding its {@link ExperimentHistory}, and the experiments, outcome and run-id
 * indexes. Every read is a GetItem or a Query — never a Scan. Journals are gzipped into the item, or into a
 * {@link LargeJournalBucket} above {@link JournalLayout#inlineJournalLimit()}; items carry {@code expiresAt}.
 *
 * <p>A run write is one PutItem keyed by its run id, so a retry replaces rather than duplicates; an in-progress
 * write is conditional on the run not having finished. The META item is then updated optimistically (it is
 * replaced only at the version read, retried on conflict), without transactions: dynalite has none, and a lost
 * META update is repaired by the next run's rebuild (see {@link ExperimentHistory#fold}).
 *
 * <p>{@link #get} finds the run through the run-id index, which DynamoDB updates asynchronously: a run is found
 * by id a moment after it was written (immediately on dynalite).
 */
public final class DynamoDbJournalStore implements JournalStore {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbJournalStore.class);
  private static final int META_ATTEMPTS = 30;
  private static final int BATCH_SIZE = 25;
  private static final long META_BACKOFF_MILLIS = 10;
  private static final long META_BACKOFF_CAP_MILLIS = 500;
  private static final String CURSOR_KEY_ITEM = "CURSOR_KEY";
  private static final String CURSOR_KEY_ATTRIBUTE = "key";
  /** Filtered listings read at least this many items per request, so a sparse filter costs few requests. */
  private static final int FILTERED_READ_SIZE = 50;

  private final DynamoDbClient client;
  private final String table;
  private final JournalLayout layout;
  private final LargeJournalBucket bucket;
  private byte[] cursorKey;

  public DynamoDbJournalStore(DynamoDbClient client, String tableName, JournalLayout layout,
      LargeJournalBucket bucket) {
    this.client = client;
    this.table = tableName;
    this.layout = layout;
    this.bucket = bucket;
  }

  /** A store whose journals must fit in their items (no bucket), with the default retention. */
  public DynamoDbJournalStore(DynamoDbClient client, String tableName) {
    this(client, tableName, JournalLayout.defaults(), LargeJournalBucket.none());
  }

  @Override
  public void put(RunRecord run) {
    Map<String, AttributeValue> item = item(run);
    PutItemRequest.Builder request = PutItemRequest.builder().tableName(table).item(item)
        .returnValues(ReturnValue.ALL_OLD);
    if (run.outcome() == Outcome.IN_PROGRESS) {
      request.conditionExpression("attribute_not_exists(#pk) OR #outcome = :inProgress")
          .expressionAttributeNames(Map.of("#pk", RunItems.PK, "#outcome", RunItems.OUTCOME))
          .expressionAttributeValues(Map.of(":inProgress", s(Outcome.IN_PROGRESS.wireName())));
    }
    Map<String, AttributeValue> old;
    try {
      old = call("write run " + run.runId(), () -> client.putItem(request.build()).attributes());
    } catch (ConditionalCheckFailedException e) {
      LOG.debug("run {} has finished; its late in-progress write is ignored", run.runId());
      return;
    }
    updateHistory(run, old.isEmpty() ? null : RunItems.fromItem(old, null));
  }

  /**
   * Loads finished runs in bulk (BatchWriteItem, 25 at a time), then rebuilds the history of each experiment
   * touched: for moving a journal directory into the table and for seeding the sandbox. Unlike {@link #put},
   * writes are unconditional; do not use it while runs of the same experiments are being written.
   */
  public void importRuns(Collection<RunRecord> runs) {
    List<WriteRequest> writes = runs.stream()
        .map(run -> WriteRequest.builder().putRequest(p -> p.item(item(run))).build()).toList();
    for (int from = 0; from < writes.size(); from += BATCH_SIZE) {
      List<WriteRequest> batch = writes.subList(from, Math.min(from + BATCH_SIZE, writes.size()));
      for (int attempt = 1; !batch.isEmpty(); attempt++) {
        List<WriteRequest> pending = batch;
        batch = call("import runs", () -> client.batchWriteItem(b -> b.requestItems(Map.of(table, pending))))
            .unprocessedItems().getOrDefault(table, List.of());
        if (!batch.isEmpty()) {
          backOff(attempt);
        }
      }
    }
    runs.stream().map(RunRecord::experimentId).distinct().forEach(experimentId -> {
      ExperimentHistory history = rebuild(experimentId);
      long version = readMeta(experimentId).map(MetaItems::version).orElse(0L);
      call("update experiment " + experimentId,
          () -> client.putItem(p -> p.tableName(table).item(MetaItems.toItem(history, version + 1))));
    });
  }

  /** The run's item: its attributes, and its journal gzipped inline or as the key of a bucket object. */
  private Map<String, AttributeValue> item(RunRecord run) {
    JournalLayout.checkRunId(run.runId());
    Map<String, AttributeValue> item = new HashMap<>(RunItems.toItem(run, layout.expiresAt(run)));
    if (run.journal() != null) {
      byte[] gzipped = JournalLayout.gzip(JournalCodec.write(run.journal()));
      if (layout.fitsInline(gzipped)) {
        item.put(RunItems.JOURNAL, AttributeValue.fromB(SdkBytes.fromByteArray(gzipped)));
      } else {
        String key = JournalLayout.largeJournalKey(run.runId());
        bucket.put(key, gzipped);
        item.put(RunItems.JOURNAL_KEY, s(key));
      }
    }
    return item;
  }

  @Override
  public Optional<RunRecord> get(String runId) {
    if (!JournalLayout.isRunId(runId)) {
      return Optional.empty();
    }
    List<Map<String, AttributeValue>> keys = call("find run " + runId, () -> client.query(q -> q
        .tableName(table).indexName(DynamoDbTables.RUN_INDEX)
        .keyConditionExpression("#runId = :runId")
        .expressionAttributeNames(Map.of("#runId", RunItems.RUN_ID))
        .expressionAttributeValues(Map.of(":runId", s(runId)))).items());
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> key = Map.of(RunItems.PK, keys.get(0).get(RunItems.PK),
        RunItems.SK, keys.get(0).get(RunItems.SK));
    Map<String, AttributeValue> item = call("read run " + runId,
        () -> client.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item());
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(RunItems.fromItem(item, journal(item)));
  }

  @Override
  public Page<RunRecord> runs(RunQuery query) {
    return new RunListing(query).page();
  }

  @Override
  public List<ExperimentSummary> experiments() {
    List<ExperimentSummary> experiments = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse response = call("list experiments", () -> client.query(q -> q
          .tableName(table).indexName(DynamoDbTables.EXPERIMENTS_INDEX)
          .keyConditionExpression("#key = :experiments")
          .expressionAttributeNames(Map.of("#key", RunItems.EXPERIMENTS_KEY))
          .expressionAttributeValues(Map.of(":experiments", s(JournalLayout.EXPERIMENTS_PARTITION)))
          .exclusiveStartKey(from)));
      response.items().forEach(item -> experiments.add(MetaItems.fromItem(item).summary()));
      start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
          ? response.lastEvaluatedKey() : null;
    } while (start != null);
    return experiments;
  }

  @Override
  public Optional<ExperimentHistory> history(String experimentId) {
    return readMeta(experimentId).map(MetaItems::fromItem);
  }

  private Optional<Map<String, AttributeValue>> readMeta(String experimentId) {
    Map<String, AttributeValue> item = call("read experiment " + experimentId, () -> client.getItem(g -> g
        .tableName(table).key(MetaItems.key(experimentId)).consistentRead(true)).item());
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  /** Folds the run into the META item, replacing only the version read; rebuilds from all runs when it must. */
  private void updateHistory(RunRecord run, RunRecord replaced) {
    String experimentId = run.experimentId();
    for (int attempt = 1; attempt <= META_ATTEMPTS; attempt++) {
      Optional<Map<String, AttributeValue>> meta = readMeta(experimentId);
      ExperimentHistory current = meta.map(MetaItems::fromItem).orElse(ExperimentHistory.empty(experimentId));
      ExperimentHistory next = current.fold(run, replaced).orElseGet(() -> rebuild(experimentId));
      if (next.equals(current) && meta.isPresent()) {
        return;
      }
      long version = meta.map(MetaItems::version).orElse(0L);
      PutItemRequest.Builder request = PutItemRequest.builder().tableName(table)
          .item(MetaItems.toItem(next, version + 1));
      if (meta.isPresent()) {
        request.conditionExpression("#version = :version")
            .expressionAttributeNames(Map.of("#version", MetaItems.VERSION))
            .expressionAttributeValues(Map.of(":version", AttributeValue.fromN(Long.toString(version))));
      } else {
        request.conditionExpression("attribute_not_exists(#pk)")
            .expressionAttributeNames(Map.of("#pk", RunItems.PK));
      }
      try {
        call("update experiment " + experimentId, () -> client.putItem(request.build()));
        return;
      } catch (ConditionalCheckFailedException e) {
        LOG.debug("experiment {} changed while run {} was folded in (attempt {})", experimentId, run.runId(),
            attempt);
        backOff(attempt);
      }
    }
    throw new StoreUnavailableException("experiment " + experimentId + " in table " + table + " kept changing: "
        + "its history was not updated after " + META_ATTEMPTS + " attempts", null);
  }

  /**
   * Random waits that double with the attempt up to a cap ("full jitter"), so writers that collided do not collide
   * again in step, even dozens of them on a slow store.
   */
  private static void backOff(int attempt) {
    long ceiling = Math.min(META_BACKOFF_CAP_MILLIS, META_BACKOFF_MILLIS << Math.min(attempt, 6));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while updating an experiment's history", e);
    }
  }

  /** The history from every run of the experiment: a Query over its partition, journals left out. */
  private ExperimentHistory rebuild(String experimentId) {
    LOG.info("rebuilding the history of experiment {} from its runs", experimentId);
    List<RunRecord> runs = new ArrayList<>();
    RunQuery all = RunQuery.ofExperiment(experimentId, RunQuery.MAX_LIMIT);
    Page<RunRecord> page;
    do {
      page = runs(all);
      runs.addAll(page.items());
      all = all.withCursor(page.nextCursor());
    } while (page.nextCursor() != null);
    return ExperimentHistory.of(experimentId, runs);
  }

  private Journal journal(Map<String, AttributeValue> item) {
    byte[] gzipped;
    if (item.containsKey(RunItems.JOURNAL)) {
      gzipped = item.get(RunItems.JOURNAL).b().asByteArray();
    } else if (item.containsKey(RunItems.JOURNAL_KEY)) {
      gzipped = bucket.get(RunItems.string(item, RunItems.JOURNAL_KEY));
    } else {
      return null;
    }
    return JournalCodec.read(JournalLayout.gunzip(gzipped));
  }

  /** The key signing this table's cursors, kept in the table so every function instance shares it. */
  private synchronized byte[] cursorKey() {
    if (cursorKey != null) {
      return cursorKey;
    }
    Map<String, AttributeValue> key = Map.of(RunItems.PK, s(CURSOR_KEY_ITEM), RunItems.SK, s(CURSOR_KEY_ITEM));
    Map<String, AttributeValue> item = call("read the cursor key",
        () -> client.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item());
    if (item == null || item.isEmpty()) {
      Map<String, AttributeValue> created = new HashMap<>(key);
      created.put(CURSOR_KEY_ATTRIBUTE, AttributeValue.fromB(SdkBytes.fromByteArray(JournalLayout.newCursorKey())));
      try {
        call("create the cursor key", () -> client.putItem(p -> p.tableName(table).item(created)
            .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", RunItems.PK))));
        item = created;
      } catch (ConditionalCheckFailedException e) {
        item = call("read the cursor key",
            () -> client.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item());
      }
    }
    cursorKey = item.get(CURSOR_KEY_ATTRIBUTE).b().asByteArray();
    return cursorKey;
  }

  /** Runs one SDK call; a failure other than a failed condition means the table cannot be used now. */
  private <T> T call(String what, Supplier<T> request) {
    try {
      return request.get();
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw new StoreUnavailableException("DynamoDB table " + table + ": cannot " + what + ": " + e.getMessage(), e);
    }
  }

  /** One page of a run listing: Queries from the cursor on until a page and one more run are found. */
  private final class RunListing {
    private final RunQuery query;
    private final boolean byExperiment;
    private final List<String> keyAttributes;
    private final RunFilter filter;

    RunListing(RunQuery query) {
      this.query = query;
      this.byExperiment = query.experimentId() != null;
      this.keyAttributes = byExperiment
          ? List.of(RunItems.PK, RunItems.SK)
          : List.of(RunItems.PK, RunItems.SK, RunItems.OUTCOME_KEY, RunItems.RUN_ID);
      this.filter = RunFilter.of(query, byExperiment);
    }

    Page<RunRecord> page() {
      Map<String, AttributeValue> start = query.cursor() == null ? null : startKey();
      List<Map<String, AttributeValue>> found = new ArrayList<>();
      do {
        QueryResponse response = call("list runs", request(start, query.limit() + 1 - found.size()));
        found.addAll(response.items());
        start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
            ? response.lastEvaluatedKey() : null;
      } while (start != null && found.size() <= query.limit());
      if (found.size() <= query.limit()) {
        return new Page<>(found.stream().map(item -> RunItems.fromItem(item, null)).toList(), null);
      }
      List<Map<String, AttributeValue>> page = found.subList(0, query.limit());
      Map<String, String> position = new LinkedHashMap<>();
      keyAttributes.forEach(name -> position.put(name, RunItems.string(page.get(page.size() - 1), name)));
      return new Page<>(page.stream().map(item -> RunItems.fromItem(item, null)).toList(),
          JournalLayout.encodeCursor(cursorKey(), query, position));
    }

    private Supplier<QueryResponse> request(Map<String, AttributeValue> start, int wanted) {
      QueryRequest.Builder request = QueryRequest.builder().tableName(table).scanIndexForward(false)
          .exclusiveStartKey(start)
          .limit(filter.isEmpty() ? wanted : Math.max(wanted, FILTERED_READ_SIZE))
          .projectionExpression(filter.projection())
          .expressionAttributeNames(filter.names())
          .expressionAttributeValues(filter.values())
          .keyConditionExpression(filter.keyCondition());
      if (!byExperiment) {
        request.indexName(DynamoDbTables.OUTCOME_INDEX);
      }
      filter.expression().ifPresent(request::filterExpression);
      return () -> client.query(request.build());
    }

    private Map<String, AttributeValue> startKey() {
      Map<String, String> position = JournalLayout.decodeCursor(cursorKey(), query);
      if (!position.keySet().equals(new HashSet<>(keyAttributes))) {
        throw new IllegalArgumentException("cursor was not made by this DynamoDB store for this listing");
      }
      Map<String, AttributeValue> start = new HashMap<>();
      position.forEach((name, value) -> start.put(name, s(value)));
      return start;
    }
  }
}
