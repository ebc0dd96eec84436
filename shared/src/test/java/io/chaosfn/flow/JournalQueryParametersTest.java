package io.chaosfn.flow;

import static io.chaosfn.store.RunFixtures.finished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.experiment.Problem;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.local.DirectoryJournalStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad query parameters: each is refused with a problem naming it, before the store is asked anything. */
class JournalQueryParametersTest {
  @TempDir
  Path root;
  private JournalQueryService queries;

  @BeforeEach
  void setUp() {
    DirectoryJournalStore store = new DirectoryJournalStore(root);
    store.put(finished("alpha", 1, Outcome.COMPLETED));
    queries = new JournalQueryService(store);
  }

  static Stream<Arguments> badRunsParameters() {
    return Stream.of(
        Arguments.of(Map.of("status", "deviatd"), "status", "did you mean 'deviated'"),
        Arguments.of(Map.of("status", "DEVIATED"), "status", "unknown outcome"),
        Arguments.of(Map.of("status", ""), "status", "is empty"),
        Arguments.of(Map.of("deviated", "maybe"), "deviated", "expected true or false"),
        Arguments.of(Map.of("deviated", "True"), "deviated", "expected true or false"),
        Arguments.of(Map.of("deviated", "1"), "deviated", "expected true or false"),
        Arguments.of(Map.of("trigger", "Schedule!"), "trigger", "trigger type"),
        Arguments.of(Map.of("limit", "0"), "limit", "from 1 to 100, was '0'"),
        Arguments.of(Map.of("limit", "101"), "limit", "from 1 to 100, was '101'"),
        Arguments.of(Map.of("limit", "abc"), "limit", "was 'abc'"),
        Arguments.of(Map.of("limit", "-5"), "limit", "was '-5'"),
        Arguments.of(Map.of("limit", "2.5"), "limit", "was '2.5'"),
        Arguments.of(Map.of("limit", "99999999999"), "limit", "was '99999999999'"),
        Arguments.of(Map.of("since", "yesterday"), "since", "ISO-8601"),
        Arguments.of(Map.of("since", "2025-02-30"), "since", "ISO-8601"),
        Arguments.of(Map.of("since", "2025-03-01T10:00:00"), "since", "with Z or an offset"),
        Arguments.of(Map.of("until", "2025-03-01T10:00:00 02:00"), "until", "sent as %2B"),
        Arguments.of(Map.of("since", "2025-03-02", "until", "2025-03-01"), "since", "must be before until"),
        Arguments.of(Map.of("since", "2025-03-01", "until", "2025-03-01T00:00:00Z"), "since", "must be before until"),
        Arguments.of(Map.of("cursor", "not-a-cursor"), "cursor", "cursor"),
        Arguments.of(Map.of("cursor", "e30.AAAAAAAAAAAAAAAAAAAAAA"), "cursor", "altered"),
        Arguments.of(Map.of("stauts", "failed"), "stauts", "did you mean 'status'"),
        Arguments.of(Map.of("outcome", "failed"), "outcome", "unknown parameter"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRunsParameters")
  void runs_badParameter_isRefusedNamingIt(Map<String, String> parameters, String parameter, String message) {
    assertThatThrownBy(() -> queries.runs("alpha", parameters))
        .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
          assertThat(e.problems()).extracting(Problem::path).containsExactly(parameter);
          assertThat(e.problems().get(0).message()).contains(message);
        });
  }

  @Test
  void runs_severalBadParameters_areReportedTogether() {
    Map<String, String> parameters = Map.of("status", "nope", "deviated", "maybe", "limit", "0", "color", "red");

    assertThatThrownBy(() -> queries.runs("alpha", parameters))
        .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.problems())
            .extracting(Problem::path).containsExactlyInAnyOrder("color", "status", "deviated", "limit"));
  }

  @Test
  void runsWithOutcome_withoutOutcome_isRefusedNamingIt() {
    assertThatThrownBy(() -> queries.runsWithOutcome(Map.of("since", "2025-03-01")))
        .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
          assertThat(e.problems()).extracting(Problem::path).containsExactly("outcome");
          assertThat(e.getMessage()).contains("required");
        });
  }

  @Test
  void runsWithOutcome_statusInsteadOfOutcome_isRefusedAsUnknown() {
    assertThatThrownBy(() -> queries.runsWithOutcome(Map.of("outcome", "failed", "status", "failed")))
        .isInstanceOfSatisfying(InvalidQueryException.class, e ->
            assertThat(e.problems()).extracting(Problem::path).containsExactly("status"));
  }

  @Test
  void experiments_anyParameter_isRefused() {
    assertThatThrownBy(() -> queries.experiments(Map.of("limit", "5")))
        .isInstanceOfSatisfying(InvalidQueryException.class, e ->
            assertThat(e.getMessage()).isEqualTo("limit: unknown parameter: this route takes none"));
  }

  @Test
  void run_anyParameter_isRefused() {
    assertThatThrownBy(() -> queries.run("01JRUN000001", Map.of("pretty", "true")))
        .isInstanceOf(InvalidQueryException.class).hasMessageStartingWith("pretty: unknown parameter");
  }

  @Test
  void summary_anyParameter_isRefused() {
    assertThatThrownBy(() -> queries.summary("alpha", Map.of("since", "2025-03-01")))
        .isInstanceOf(InvalidQueryException.class).hasMessageStartingWith("since: unknown parameter");
  }

  @Test
  void invalidQueryException_withoutProblems_isRefused() {
    assertThatThrownBy(() -> new InvalidQueryException(java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
