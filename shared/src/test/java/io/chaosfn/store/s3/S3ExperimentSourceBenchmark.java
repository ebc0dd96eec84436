package io.chaosfn.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.store.dynamodb.RequestCounter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Warm loads through the ETag cache (one conditional GetObject answered 304) against uncached loads (GetObject
 * and parse), on s3proxy with a 40-activity YAML experiment. Prints the averages; excluded from the default build:
 * {@code mvn -o -pl shared test -Dtest=S3ExperimentSourceBenchmark -Dchaosfn.excludedGroups=none}.
 */
@Tag("perf")
class S3ExperimentSourceBenchmark {
  @RegisterExtension
  static final S3ProxyServer S3 = new S3ProxyServer();
  private static final int ROUNDS = 200;

  @Test
  void load_warmCacheAgainstUncached_printsAverages() {
    S3Client s3 = S3.client();
    s3.createBucket(b -> b.bucket("bench"));
    StringBuilder yaml = new StringBuilder("title: bench\ndescription: forty actions\nmethod:\n");
    for (int i = 0; i < 40; i++) {
      yaml.append("  - type: action\n    name: a").append(i)
          .append("\n    provider: {type: http, url: \"http://127.0.0.1/x\", timeout: 3}\n");
    }
    s3.putObject(p -> p.bucket("bench").key("bench.yaml"), RequestBody.fromString(yaml.toString(),
        StandardCharsets.UTF_8));
    RequestCounter counter = new RequestCounter();
    S3ExperimentSource cached = new S3ExperimentSource(S3.client(counter), "bench", "");
    for (int i = 0; i < ROUNDS; i++) {
      new S3ExperimentSource(s3, "bench", "").load("s3://bench/bench.yaml");
      cached.load("s3://bench/bench.yaml");
    }
    counter.reset();

    long uncachedNanos = time(() -> new S3ExperimentSource(s3, "bench", "").load("s3://bench/bench.yaml"));
    long warmNanos = time(() -> cached.load("s3://bench/bench.yaml"));

    System.out.printf("S3 experiment load, %d rounds: uncached %.2f ms, warm (304) %.2f ms, requests per warm"
        + " load %.1f%n", ROUNDS, uncachedNanos / 1e6 / ROUNDS, warmNanos / 1e6 / ROUNDS,
        counter.count("GetObject") / (double) ROUNDS);
    assertThat(counter.count("GetObject")).isEqualTo(ROUNDS);
  }

  private static long time(Runnable load) {
    long start = System.nanoTime();
    for (int i = 0; i < ROUNDS; i++) {
      load.run();
    }
    return System.nanoTime() - start;
  }
}
