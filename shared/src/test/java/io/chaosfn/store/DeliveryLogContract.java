package io.chaosfn.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeliveryLog} does. Each implementation's test extends this class and hands over an empty log
 * per test. Times are whole seconds: the DynamoDB log keeps its TTL in epoch seconds.
 */
public abstract class DeliveryLogContract {
  protected static final Instant FIRST_SEEN = Instant.parse("2025-03-01T10:00:00Z");
  private static final Delivery DELIVERY = new Delivery("github", "72d3162e-cc78-11e3-81ab-4c9367dc0958");

  protected DeliveryLog log;

  /** An empty log, private to one test. */
  protected abstract DeliveryLog newLog();

  @BeforeEach
  void createLog() {
    log = newLog();
  }

  @Test
  void record_newDelivery_isRecorded() {
    boolean recorded = log.record(DELIVERY, FIRST_SEEN);

    assertThat(recorded).isTrue();
  }

  @Test
  void record_sameDeliveryAgain_isDuplicate() {
    log.record(DELIVERY, FIRST_SEEN);

    boolean again = log.record(DELIVERY, FIRST_SEEN.plusSeconds(30));

    assertThat(again).isFalse();
  }

  @Test
  void record_sameIdFromAnotherSource_isRecorded() {
    log.record(DELIVERY, FIRST_SEEN);

    boolean other = log.record(new Delivery("generic", DELIVERY.id()), FIRST_SEEN);

    assertThat(other).isTrue();
  }

  @Test
  void record_justBeforeRetentionEnds_isDuplicate() {
    log.record(DELIVERY, FIRST_SEEN);

    boolean again = log.record(DELIVERY, FIRST_SEEN.plus(Delivery.RETENTION).minusSeconds(1));

    assertThat(again).isFalse();
  }

  @Test
  void record_afterRetention_isRecordedAgain() {
    log.record(DELIVERY, FIRST_SEEN);

    boolean again = log.record(DELIVERY, FIRST_SEEN.plus(Delivery.RETENTION));

    assertThat(again).isTrue();
  }

  @Test
  void record_afterForget_isRecordedAgain() {
    log.record(DELIVERY, FIRST_SEEN);
    log.forget(DELIVERY);

    boolean again = log.record(DELIVERY, FIRST_SEEN.plusSeconds(5));

    assertThat(again).isTrue();
  }

  @Test
  void forget_unknownDelivery_doesNothing() {
    log.forget(DELIVERY);

    assertThat(log.record(DELIVERY, FIRST_SEEN)).isTrue();
  }

  @Test
  void record_concurrentCopies_recordExactlyOne() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Boolean>> copies = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      copies.add(() -> log.record(DELIVERY, FIRST_SEEN));
    }

    List<Future<Boolean>> results = pool.invokeAll(copies);
    pool.shutdown();

    long recorded = 0;
    for (Future<Boolean> result : results) {
      recorded += result.get() ? 1 : 0;
    }
    assertThat(recorded).isEqualTo(1);
  }
}
