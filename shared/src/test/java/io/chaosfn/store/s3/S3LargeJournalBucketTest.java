package io.chaosfn.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.store.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** Large journals in a bucket, on s3proxy (a real S3 API in the test JVM). */
class S3LargeJournalBucketTest {
  @RegisterExtension
  static final S3ProxyServer SERVER = new S3ProxyServer();
  private static final String BUCKET = "chaosfn-journals";
  private S3Client s3;

  @BeforeEach
  void setUp() {
    s3 = SERVER.client();
    if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
      s3.createBucket(request -> request.bucket(BUCKET));
    }
  }

  @Test
  void put_thenGet_returnsTheSameBytes() {
    S3LargeJournalBucket bucket = new S3LargeJournalBucket(s3, BUCKET);
    byte[] journal = "gzipped journal bytes".getBytes(StandardCharsets.UTF_8);

    bucket.put("journals/01RUN.json.gz", journal);

    assertThat(bucket.get("journals/01RUN.json.gz")).isEqualTo(journal);
  }

  @Test
  void put_sameKeyAgain_replacesTheObject() {
    S3LargeJournalBucket bucket = new S3LargeJournalBucket(s3, BUCKET);

    bucket.put("journals/02RUN.json.gz", new byte[] {1});
    bucket.put("journals/02RUN.json.gz", new byte[] {2, 3});

    assertThat(bucket.get("journals/02RUN.json.gz")).containsExactly(2, 3);
  }

  @Test
  void get_missingObject_isAStoreFailureNamingTheKey() {
    S3LargeJournalBucket bucket = new S3LargeJournalBucket(s3, BUCKET);

    assertThatThrownBy(() -> bucket.get("journals/none.json.gz"))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("journals/none.json.gz");
  }

  @Test
  void put_missingBucket_isAStoreFailure() {
    S3LargeJournalBucket bucket = new S3LargeJournalBucket(s3, "no-such-bucket");

    assertThatThrownBy(() -> bucket.put("journals/03RUN.json.gz", new byte[] {1}))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("s3://no-such-bucket");
  }
}
