package io.chaosfn.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalLayoutTest {
  private static final byte[] KEY = JournalLayout.newCursorKey();

  @Test
  void constructor_zeroRetention_isRefused() {
    assertThatThrownBy(() -> new JournalLayout(Duration.ZERO, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention");
  }

  @Test
  void constructor_zeroInlineLimit_isRefused() {
    assertThatThrownBy(() -> new JournalLayout(Duration.ofDays(1), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inlineJournalLimit");
  }

  @Test
  void checkRunId_pathSeparator_isRefusedNamingTheId() {
    assertThatThrownBy(() -> JournalLayout.checkRunId("a/b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a/b'");
  }

  @Test
  void checkRunId_ulid_isAccepted() {
    assertThat(JournalLayout.checkRunId("01JQ8Z6X4V3K2M1N0P9R8S7T6V")).isEqualTo("01JQ8Z6X4V3K2M1N0P9R8S7T6V");
  }

  @Test
  void keys_followTheSingleTableDesign() {
    assertThat(JournalLayout.experimentPartition("db")).isEqualTo("EXP#db");
    assertThat(JournalLayout.runSortKey("01J")).isEqualTo("RUN#01J");
    assertThat(JournalLayout.outcomePartition(Outcome.IN_PROGRESS)).isEqualTo("OUTCOME#in_progress");
  }

  @Test
  void expiresAt_finishedRun_countsRetentionFromItsEnd() {
    RunRecord run = RunFixtures.finished("db", 1, Outcome.COMPLETED);

    long expiresAt = new JournalLayout(Duration.ofDays(30), 10).expiresAt(run);

    assertThat(expiresAt).isEqualTo(run.endedAt().plus(Duration.ofDays(30)).getEpochSecond());
  }

  @Test
  void expiresAt_runInProgress_countsRetentionFromItsStart() {
    RunRecord run = RunFixtures.inProgress("db", 1);

    long expiresAt = new JournalLayout(Duration.ofHours(1), 10).expiresAt(run);

    assertThat(expiresAt).isEqualTo(run.startedAt().plusSeconds(3600).getEpochSecond());
  }

  @Test
  void fitsInline_atTheLimit_isTrueAndOneByteMoreIsFalse() {
    JournalLayout layout = new JournalLayout(Duration.ofDays(1), 4);

    assertThat(layout.fitsInline(new byte[4])).isTrue();
    assertThat(layout.fitsInline(new byte[5])).isFalse();
  }

  @Test
  void gunzip_ofGzip_returnsTheOriginalBytes() {
    byte[] json = "{\"status\": \"completed\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(JournalLayout.gunzip(JournalLayout.gzip(json))).isEqualTo(json);
  }

  @Test
  void gunzip_notGzip_isRefused() {
    assertThatThrownBy(() -> JournalLayout.gunzip("plain".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gzip");
  }

  @Test
  void decodeCursor_ofEncodedCursor_returnsThePosition() {
    RunQuery query = RunQuery.ofExperiment("db", 10);
    String cursor = JournalLayout.encodeCursor(KEY, query, Map.of("after", "01J"));

    assertThat(JournalLayout.decodeCursor(KEY, query.withCursor(cursor))).containsExactly(Map.entry("after", "01J"));
  }

  @Test
  void decodeCursor_otherPageSize_isAccepted() {
    String cursor = JournalLayout.encodeCursor(KEY, RunQuery.ofExperiment("db", 10), Map.of("after", "01J"));

    assertThat(JournalLayout.decodeCursor(KEY, RunQuery.ofExperiment("db", 50).withCursor(cursor)))
        .containsEntry("after", "01J");
  }

  @Test
  void decodeCursor_signedWithAnotherKey_isRefused() {
    RunQuery query = RunQuery.ofExperiment("db", 10);
    String cursor = JournalLayout.encodeCursor(JournalLayout.newCursorKey(), query, Map.of("after", "01J"));

    assertThatThrownBy(() -> JournalLayout.decodeCursor(KEY, query.withCursor(cursor)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("altered");
  }

  @Test
  void decodeCursor_otherTimeWindow_isRefused() {
    String cursor = JournalLayout.encodeCursor(KEY, RunQuery.ofExperiment("db", 10), Map.of("after", "01J"));
    RunQuery windowed = new RunQuery("db", null, null, null, Instant.EPOCH, null, 10, cursor);

    assertThatThrownBy(() -> JournalLayout.decodeCursor(KEY, windowed))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other filters");
  }

  @Test
  void decodeCursor_withoutSignature_isRefused() {
    assertThatThrownBy(() -> JournalLayout.decodeCursor(KEY, RunQuery.ofExperiment("db", 10).withCursor("abc")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
  }
}
