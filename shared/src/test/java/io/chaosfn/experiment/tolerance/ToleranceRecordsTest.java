package io.chaosfn.experiment.tolerance;

import static io.chaosfn.experiment.tolerance.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The invariants of the tolerance records: no nulls, no shared mutable state with the caller. */
class ToleranceRecordsTest {
  @Test
  void probeTolerance_changingTheGivenProbe_leavesTheToleranceUnchanged() {
    ObjectNode probe = (ObjectNode) json("{'type': 'probe', 'name': 'p'}");
    ProbeTolerance tolerance = new ProbeTolerance(probe);

    probe.put("name", "changed");

    assertThat(tolerance.probe().get("name").stringValue()).isEqualTo("p");
  }

  @Test
  void probeTolerance_changingTheReturnedProbe_leavesTheToleranceUnchanged() {
    ProbeTolerance tolerance = new ProbeTolerance((ObjectNode) json("{'type': 'probe', 'name': 'p'}"));

    tolerance.probe().put("name", "changed");

    assertThat(tolerance.probe().get("name").stringValue()).isEqualTo("p");
  }

  @Test
  void listTolerance_changingTheGivenList_leavesTheToleranceUnchanged() {
    List<JsonNode> values = new ArrayList<>(List.of(json("1")));
    ListTolerance tolerance = new ListTolerance(values);

    values.add(json("2"));

    assertThat(tolerance.values()).hasSize(1);
  }

  @Test
  void regexTolerance_nullPattern_isRejected() {
    assertThatThrownBy(() -> new RegexTolerance(null, Optional.empty())).isInstanceOf(NullPointerException.class);
  }

  @Test
  void rangeTolerance_nullBound_isRejected() {
    assertThatThrownBy(() -> new RangeTolerance(BigDecimal.ONE, null, Optional.empty()))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void jsonPathTolerance_nullTarget_isRejected() {
    assertThatThrownBy(() -> new JsonPathTolerance("$.a", null, Optional.empty(), Optional.empty()))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void integerTolerance_nullValue_isRejected() {
    assertThatThrownBy(() -> new IntegerTolerance(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void stringTolerance_nullValue_isRejected() {
    assertThatThrownBy(() -> new StringTolerance(null)).isInstanceOf(NullPointerException.class);
  }
}
