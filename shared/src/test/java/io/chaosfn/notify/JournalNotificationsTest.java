package io.chaosfn.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.engine.journal.Journal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class JournalNotificationsTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static Journal journal(ObjectNode chaosfn) {
    Instant start = Instant.parse("2026-11-27T10:00:00Z");
    return new Journal("v", "Linux", "n", NODES.objectNode().put("title", "t"), start, Journal.COMPLETED, false,
        null, null, List.of(), NODES.objectNode(), List.of(), List.of(), start, 0.0, chaosfn, NODES.objectNode());
  }

  @Test
  void append_duringRunFailureRecorded_addsAfterIt() {
    ObjectNode chaosfn = NODES.objectNode().put("run_id", "r1");
    chaosfn.putArray("notifications").add(NotificationOutcome.failed("#chaos", "start", "HTTP 500").toJson());

    Journal appended = JournalNotifications.append(journal(chaosfn),
        List.of(NotificationOutcome.failed("#chaos", "final", "chat.update: HTTP 503")));

    assertThat(appended.chaosfn().path("notifications").values()).extracting(e -> e.path("kind").asString())
        .containsExactly("start", "final");
    assertThat(appended.chaosfn().path("run_id").asString()).isEqualTo("r1");
  }

  @Test
  void append_nothing_returnsTheSameJournal() {
    Journal journal = journal(NODES.objectNode());

    assertThat(JournalNotifications.append(journal, List.of())).isSameAs(journal);
  }

  @Test
  void toJson_failure_hasChannelKindOkAndError() {
    ObjectNode json = NotificationOutcome.failed("#chaos", "thread", "rate limited").toJson();

    assertThat(json.toString()).isEqualTo("{\"channel\":\"#chaos\",\"kind\":\"thread\",\"ok\":false,"
        + "\"error\":\"rate limited\"}");
  }

  @Test
  void new_failureWithoutError_isRefused() {
    assertThatThrownBy(() -> new NotificationOutcome("#chaos", "start", false, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("says why");
  }
}
