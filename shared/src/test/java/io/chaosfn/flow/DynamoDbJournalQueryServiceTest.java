package io.chaosfn.flow;

import static io.chaosfn.store.RunFixtures.finished;
import static io.chaosfn.store.RunFixtures.runId;
import static io.chaosfn.store.RunFixtures.skipped;
import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.store.JournalStore;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.dynamodb.Dynalite;
import io.chaosfn.store.dynamodb.DynamoDbJournalStore;
import io.chaosfn.store.dynamodb.RequestCounter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The journal queries over the DynamoDB store on dynalite, and what each query costs in requests. */
class DynamoDbJournalQueryServiceTest extends JournalQueryServiceContract {
  @RegisterExtension
  static final Dynalite DYNALITE = new Dynalite();

  private final RequestCounter counter = new RequestCounter();

  @Override
  protected JournalStore newStore() {
    DynamoDbClient client = DYNALITE.client(counter);
    String table = DYNALITE.createTable(client, "queries");
    return new DynamoDbJournalStore(client, table);
  }

  private void seed() {
    for (int n = 1; n <= 12; n++) {
      store.put(finished(n % 2 == 0 ? "alpha" : "beta", n, n % 3 == 0 ? Outcome.DEVIATED : Outcome.COMPLETED));
    }
    store.put(skipped("alpha", 14));
    // The first listing creates the table's cursor key; later ones read it once per store instance.
    queries.runs("alpha", Map.of("limit", "1"));
    counter.reset();
  }

  @Test
  void everyQuery_sendsOnlyQueriesAndGets() {
    seed();

    queries.experiments(Map.of());
    String cursor = queries.runs("alpha", Map.of("limit", "2")).get("next_cursor").asString();
    queries.runs("alpha", Map.of("limit", "2", "cursor", cursor));
    queries.runs("alpha", Map.of("status", "deviated", "deviated", "true", "trigger", "cli",
        "since", "2025-03-01", "until", "2025-03-02"));
    queries.runs("alpha", Map.of("status", "failed"));
    queries.runsWithOutcome(Map.of("outcome", "deviated", "since", "2025-03-01T10:00:00Z"));
    queries.run(runId(2), Map.of());
    queries.run(runId(14), Map.of());
    queries.summary("alpha", Map.of());

    assertThat(counter.operations()).isNotEmpty().allMatch(op -> op.equals("Query") || op.equals("GetItem"));
  }

  @Test
  void runs_onePage_isOneQuery() {
    seed();

    queries.runs("alpha", Map.of("limit", "3"));

    assertThat(counter.operations()).containsExactly("Query");
  }

  @Test
  void summary_isOneGetOfTheMaterialisedHistory() {
    seed();

    queries.summary("alpha", Map.of());

    assertThat(counter.operations()).containsExactly("GetItem");
  }

  @Test
  void experiments_isOneQueryOfTheExperimentsIndex() {
    seed();

    queries.experiments(Map.of());

    assertThat(counter.operations()).containsExactly("Query");
  }

  @Test
  void run_isOneIndexQueryAndOneGet() {
    seed();

    queries.run(runId(4), Map.of());

    assertThat(counter.operations()).containsExactly("Query", "GetItem");
  }
}
