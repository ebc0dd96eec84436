package io.chaosfn.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.engine.journal.ExperimentSourceRef;
import io.chaosfn.store.ExperimentNotFoundException;
import io.chaosfn.store.SourcedExperiment;
import io.chaosfn.store.dynamodb.RequestCounter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 experiment source on s3proxy (the S3 API in the test JVM), versioning on. */
class S3ExperimentSourceTest {
  @RegisterExtension
  static final S3ProxyServer S3 = new S3ProxyServer();
  private static final String BUCKET = "experiments";
  private static S3Client s3;

  @BeforeAll
  static void bucket() {
    s3 = S3.client();
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putBucketVersioning(v -> v.bucket(BUCKET).versioningConfiguration(c -> c.status("Enabled")));
  }

  private static String put(String key, String body) {
    return s3.putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromString(body, StandardCharsets.UTF_8))
        .versionId();
  }

  @Test
  void load_s3Uri_returnsTreeWithVersionAndEtag() {
    String version = put("team/db-failover.yaml", "title: db failover\n");
    S3ExperimentSource source = new S3ExperimentSource(S3.client(), BUCKET, "team/");

    SourcedExperiment loaded = source.load("s3://experiments/team/db-failover.yaml");

    assertThat(loaded.tree().path("title").asString()).isEqualTo("db failover");
    assertThat(loaded.ref().uri()).isEqualTo("s3://experiments/team/db-failover.yaml");
    assertThat(loaded.ref().versionId()).isEqualTo(version);
    assertThat(loaded.ref().etag()).isNotBlank();
    assertThat(loaded.experimentId()).isEqualTo("db-failover");
  }

  @Test
  void load_id_findsKeyUnderPrefixWithAnyExtension() {
    put("by-id/cache-flush.json", "{\"title\": \"cache flush\"}");
    S3ExperimentSource source = new S3ExperimentSource(S3.client(), BUCKET, "by-id/");

    SourcedExperiment loaded = source.load("cache-flush");

    assertThat(loaded.ref().uri()).isEqualTo("s3://experiments/by-id/cache-flush.json");
  }

  @Test
  void load_extensionDeclaresId_idComesFromExtension() {
    put("ext/file-name.yaml", "title: t\nextensions:\n  - name: chaosfn\n    id: declared-id\n");
    S3ExperimentSource source = new S3ExperimentSource(S3.client(), BUCKET, "");

    SourcedExperiment loaded = source.load("s3://experiments/ext/file-name.yaml");

    assertThat(loaded.experimentId()).isEqualTo("declared-id");
  }

  @Test
  void load_missingObject_isNotFound() {
    S3ExperimentSource source = new S3ExperimentSource(S3.client(), BUCKET, "");

    assertThatThrownBy(() -> source.load("s3://experiments/nothing-here.yaml"))
        .isInstanceOf(ExperimentNotFoundException.class)
        .hasMessageContaining("s3://experiments/nothing-here.yaml");
  }

  @Test
  void load_unchangedObjectLoadedAgain_usesCacheAfterOneConditionalGet() {
    put("cache/same.yaml", "title: same\n");
    RequestCounter counter = new RequestCounter();
    S3ExperimentSource source = new S3ExperimentSource(S3.client(counter), BUCKET, "");
    SourcedExperiment first = source.load("s3://experiments/cache/same.yaml");
    first.tree().put("title", "changed by a caller");

    SourcedExperiment second = source.load("s3://experiments/cache/same.yaml");

    assertThat(second.tree().path("title").asString()).isEqualTo("same");
    assertThat(second.ref()).isEqualTo(first.ref());
    assertThat(counter.operations()).containsExactly("GetObject", "GetObject");
  }

  @Test
  void load_objectReplaced_returnsNewDocument() {
    put("cache/changing.yaml", "title: old\n");
    S3ExperimentSource source = new S3ExperimentSource(S3.client(), BUCKET, "");
    source.load("s3://experiments/cache/changing.yaml");
    put("cache/changing.yaml", "title: new\n");

    SourcedExperiment loaded = source.load("s3://experiments/cache/changing.yaml");

    assertThat(loaded.tree().path("title").asString()).isEqualTo("new");
  }

  @Test
  void loadRef_recordedVersion_returnsThatVersionNotTheCurrentOne() {
    String first = put("versions/exp.yaml", "title: first\n");
    put("versions/exp.yaml", "title: second\n");
    S3ExperimentSource source = new S3ExperimentSource(S3.client(), BUCKET, "");

    SourcedExperiment loaded = source.load(new ExperimentSourceRef("s3://experiments/versions/exp.yaml", first, null));

    assertThat(loaded.tree().path("title").asString()).isEqualTo("first");
  }
}
