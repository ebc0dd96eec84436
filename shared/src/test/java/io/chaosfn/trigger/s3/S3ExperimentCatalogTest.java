package io.chaosfn.trigger.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.testing.MutableClock;
import io.chaosfn.store.StoreUnavailableException;
import io.chaosfn.store.dynamodb.RequestCounter;
import io.chaosfn.store.s3.S3ExperimentSource;
import io.chaosfn.store.s3.S3ProxyServer;
import io.chaosfn.trigger.ExperimentCatalog.Entry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The experiments bucket as the webhook sees it, on s3proxy (the S3 API in the test JVM); one bucket per test. */
class S3ExperimentCatalogTest {
  @RegisterExtension
  static final S3ProxyServer S3 = new S3ProxyServer();
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static final String DEPLOY_TRIGGERED = """
      title: %s
      description: d
      method: []
      extensions:
        - name: chaosfn
          %s
          triggers: {deploy: {match: {workload: frontend-app}, wait_for_rollout_seconds: 60}}
      """;

  private final RequestCounter counter = new RequestCounter();
  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
  private S3Client s3;
  private String bucket;

  @BeforeEach
  void bucket() {
    s3 = S3.client(counter);
    bucket = "experiments-" + BUCKETS.incrementAndGet();
    s3.createBucket(b -> b.bucket(bucket));
  }

  private void put(String key, String body) {
    s3.putObject(p -> p.bucket(bucket).key(key), RequestBody.fromString(body, StandardCharsets.UTF_8));
  }

  private S3ExperimentCatalog catalog(String prefix) {
    return new S3ExperimentCatalog(s3, new S3ExperimentSource(s3, bucket, prefix), bucket, prefix,
        Duration.ofSeconds(30), clock);
  }

  @Test
  void experiments_documentsUnderThePrefix_areListedWithIdSourceAndExtension() {
    put("exp/frontend.yaml", DEPLOY_TRIGGERED.formatted("frontend", "id: frontend-db-failover"));
    put("exp/nightly.json", "{\"title\": \"nightly\", \"description\": \"d\", \"method\": []}");
    put("exp/README.md", "not an experiment");
    put("elsewhere/other.yaml", DEPLOY_TRIGGERED.formatted("other", "id: other"));

    List<Entry> entries = catalog("exp/").experiments();

    assertThat(entries).extracting(Entry::experimentId).containsExactly("frontend-db-failover", "nightly");
    assertThat(entries.get(0).source()).isEqualTo("s3://" + bucket + "/exp/frontend.yaml");
    assertThat(entries.get(0).extension().deploy().match()).isEqualTo(Map.of("workload", "frontend-app"));
    assertThat(entries.get(0).extension().deploy().waitForRollout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(entries.get(1).extension().deployTrigger()).isEmpty();
  }

  @Test
  void experiments_invalidExtension_isLeftOutAndTheOthersListed() {
    put("bad-extension.yaml", """
        title: t
        description: d
        method: []
        extensions: [{name: chaosfn, triggers: {deploy: {match: {workoad: frontend-app}}}}]
        """);
    put("good.yaml", DEPLOY_TRIGGERED.formatted("good", "id: good"));

    assertThat(catalog("").experiments()).extracting(Entry::experimentId).containsExactly("good");
  }

  @Test
  void experiments_unreadableDocument_isLeftOut() {
    put("broken.json", "{\"title\": ");
    put("good.yaml", DEPLOY_TRIGGERED.formatted("good", "id: good"));

    assertThat(catalog("").experiments()).extracting(Entry::experimentId).containsExactly("good");
  }

  @Test
  void experiments_secondDocumentWithTheSameId_isLeftOut() {
    put("a.yaml", DEPLOY_TRIGGERED.formatted("a", "id: same"));
    put("b.yaml", DEPLOY_TRIGGERED.formatted("b", "id: same"));

    assertThat(catalog("").experiments()).extracting(Entry::source).containsExactly("s3://" + bucket + "/a.yaml");
  }

  @Test
  void experiments_morePagesThanOne_listsEveryPage() {
    for (int i = 0; i < 5; i++) {
      put("page/e" + i + ".yaml", DEPLOY_TRIGGERED.formatted("e" + i, "id: e" + i));
    }
    S3ExperimentCatalog catalog = new S3ExperimentCatalog(s3, new S3ExperimentSource(s3, bucket, ""), bucket, "",
        Duration.ZERO, clock, 2);

    List<Entry> entries = catalog.experiments();

    assertThat(entries).extracting(Entry::experimentId).containsExactly("e0", "e1", "e2", "e3", "e4");
    assertThat(counter.count("ListObjectsV2")).isEqualTo(3);
  }

  @Test
  void experiments_withinTheTtl_reusesTheListing() {
    put("one.yaml", DEPLOY_TRIGGERED.formatted("one", "id: one"));
    S3ExperimentCatalog catalog = catalog("");
    catalog.experiments();
    put("two.yaml", DEPLOY_TRIGGERED.formatted("two", "id: two"));
    clock.advance(Duration.ofSeconds(29));
    counter.reset();

    List<Entry> entries = catalog.experiments();

    assertThat(entries).extracting(Entry::experimentId).containsExactly("one");
    assertThat(counter.operations()).isEmpty();
  }

  @Test
  void experiments_afterTheTtl_listsAgainAndReloadsOnlyWhatChanged() {
    put("one.yaml", DEPLOY_TRIGGERED.formatted("one", "id: one"));
    S3ExperimentCatalog catalog = catalog("");
    catalog.experiments();
    put("two.yaml", DEPLOY_TRIGGERED.formatted("two", "id: two"));
    clock.advance(Duration.ofSeconds(30));
    counter.reset();

    List<Entry> entries = catalog.experiments();

    assertThat(entries).extracting(Entry::experimentId).containsExactly("one", "two");
    assertThat(counter.operations()).containsExactly("ListObjectsV2", "GetObject", "GetObject");
  }

  @Test
  void experiments_missingBucket_isUnavailable() {
    S3ExperimentCatalog catalog = new S3ExperimentCatalog(s3, new S3ExperimentSource(s3, "no-such-bucket", ""),
        "no-such-bucket", "", Duration.ofSeconds(30), clock);

    assertThatThrownBy(catalog::experiments)
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("s3://no-such-bucket/");
  }
}
