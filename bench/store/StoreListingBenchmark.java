import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.Page;
import io.chaosfn.store.RunFixtures;
import io.chaosfn.store.RunQuery;
import io.chaosfn.store.RunRecord;
import io.chaosfn.store.dynamodb.Dynalite;
import io.chaosfn.store.dynamodb.DynamoDbJournalStore;
import io.chaosfn.store.dynamodb.DynamoDbTables;
import io.chaosfn.store.dynamodb.RequestCounter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issue 4 item 11(a): list 20 runs of one experiment out of 100,000 stored on dynalite; count Query requests
 * and items read with a request-counting interceptor, and time the listing (medians, not a pass/fail test).
 * Usage: bench/store/run.sh [runs] [experiments] [repetitions]
 */
public class StoreListingBenchmark {
  public static void main(String[] args) {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int experiments = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    try (Dynalite dynalite = new Dynalite().start()) {
      RequestCounter counter = new RequestCounter();
      DynamoDbClient client = dynalite.client(counter);
      DynamoDbTables.create(client, "journal");
      DynamoDbJournalStore store = new DynamoDbJournalStore(client, "journal");

      long loadStart = System.nanoTime();
      // One loader per experiment: dynalite is one node process, but parallel requests overlap their HTTP and
      // JSON work (local-test-infrastructure.md §1 measured about 3x with 4 threads).
      IntStream.range(0, experiments).parallel().forEach(e -> {
        List<RunRecord> batch = new ArrayList<>();
        for (int n = 1 + e; n <= total; n += experiments) {
          batch.add(RunFixtures.finished("experiment-" + e, n,
              n % 7 == 0 ? Outcome.DEVIATED : Outcome.COMPLETED, Trigger.cli()));
          if (batch.size() == 5_000) {
            store.importRuns(batch);
            batch.clear();
          }
        }
        store.importRuns(batch);
      });
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      System.out.printf("loaded %d runs of %d experiments with BatchWriteItem in %.1f s (%.0f runs/s)%n",
          total, experiments, loadSeconds, total / loadSeconds);

      RunQuery query = RunQuery.ofExperiment("experiment-1", 20);
      store.runs(query); // the first listing loads the cursor key (GetItem, PutItem in a new table)
      counter.reset();
      Page<RunRecord> first = store.runs(query);
      System.out.printf("first page: %d runs, %d Query request(s), %d other request(s), %d items read%n",
          first.items().size(), counter.count("Query"), counter.operations().size() - counter.count("Query"),
          counter.itemsRead());

      long[] firstPage = time(repetitions, () -> store.runs(query));
      RunQuery second = query.withCursor(first.nextCursor());
      long[] nextPage = time(repetitions, () -> store.runs(second));
      RunQuery deviated = new RunQuery("experiment-1", Outcome.DEVIATED, null, null, null, null, 20, null);
      counter.reset();
      store.runs(deviated);
      System.out.printf("deviated filter: %d Query request(s), %d items read%n", counter.count("Query"),
          counter.itemsRead());
      long[] filtered = time(repetitions, () -> store.runs(deviated));
      long[] get = time(repetitions, () -> store.get(RunFixtures.runId(total / 2)));
      System.out.printf("latency over %d repetitions, median / p90 in ms:%n", repetitions);
      print("first page of 20", firstPage);
      print("next page (cursor)", nextPage);
      print("20 deviated runs (filter)", filtered);
      print("one full journal by run id", get);
    }
  }

  private static long[] time(int repetitions, Runnable call) {
    for (int i = 0; i < 20; i++) {
      call.run();
    }
    long[] nanos = new long[repetitions];
    for (int i = 0; i < repetitions; i++) {
      long start = System.nanoTime();
      call.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static void print(String what, long[] sorted) {
    System.out.printf("  %-28s %6.2f / %6.2f%n", what, sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.9)] / 1e6);
  }
}
