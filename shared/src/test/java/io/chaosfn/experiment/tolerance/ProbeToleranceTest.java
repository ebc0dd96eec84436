package io.chaosfn.experiment.tolerance;

import static io.chaosfn.experiment.tolerance.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.activity.ActivityFailedException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A probe used as a tolerance. The probe itself runs in {@link FakeToleranceContext}, standing in for the engine:
 * {@code must_be_in_range} does what the function of that name in Chaos Toolkit's test fixtures does.
 */
class ProbeToleranceTest {
  private static final String MUST_BE_IN_RANGE = "{'type': 'probe', 'name': 'must-be-in-range', 'provider': "
      + "{'type': 'python', 'module': 'fixtures.probes', 'func': 'must_be_in_range', 'arguments': {'a': 6, 'b': 8}}}";

  private final FakeToleranceContext context =
      new FakeToleranceContext().runningProbesWith(ProbeToleranceTest::inRange);

  private static JsonNode inRange(ObjectNode probe) {
    JsonNode arguments = probe.get("provider").get("arguments");
    int body = Integer.parseInt(arguments.get("value").get("body").stringValue());
    return BooleanNode.valueOf(arguments.get("a").intValue() <= body && body <= arguments.get("b").intValue());
  }

  private static JsonNode http(String body) {
    return json("{'status': 200, 'headers': {'Content-Type': 'text/plain'}, 'body': '" + body + "'}");
  }

  @Test
  void probe_returnsFalseForValueOutsideRange_isNotMet() {
    assertThat(Tolerances.isMet(json(MUST_BE_IN_RANGE), http("9"), context)).isFalse();
  }

  @Test
  void probe_returnsTrueForValueInsideRange_isMet() {
    assertThat(Tolerances.isMet(json(MUST_BE_IN_RANGE), http("7"), context)).isTrue();
  }

  @Test
  void probe_receivesOutputAsValueArgument() {
    Tolerances.isMet(json(MUST_BE_IN_RANGE), http("7"), context);

    assertThat(context.probesRun().get(0).get("provider").get("arguments"))
        .isEqualTo(json("{'a': 6, 'b': 8, 'value': {'status': 200, 'headers': {'Content-Type': 'text/plain'}, "
            + "'body': '7'}}"));
  }

  @Test
  void probe_documentArguments_areNotModified() {
    JsonNode document = json(MUST_BE_IN_RANGE);

    Tolerances.isMet(document, http("7"), context);

    assertThat(document).isEqualTo(json(MUST_BE_IN_RANGE));
  }

  @Test
  void probe_withoutArguments_getsArgumentsHoldingValue() {
    FakeToleranceContext echo = new FakeToleranceContext().runningProbesWith(p -> p.get("provider").get("arguments"));
    String tolerance = "{'type': 'probe', 'name': 'p', 'provider': {'type': 'python', 'module': 'm', 'func': 'f'}}";

    assertThat(Tolerances.isMet(json(tolerance), json("1"), echo)).isTrue();
    assertThat(echo.probesRun().get(0).get("provider").get("arguments")).isEqualTo(json("{'value': 1}"));
  }

  @Test
  void probe_thatFails_isNotMet() {
    FakeToleranceContext failing = new FakeToleranceContext().runningProbesWith(p -> {
      throw new ActivityFailedException("connection refused");
    });

    assertThat(Tolerances.isMet(json(MUST_BE_IN_RANGE), http("7"), failing)).isFalse();
  }

  @Test
  void probe_withListArguments_isNotMetWithoutRunning() {
    String tolerance = "{'type': 'probe', 'name': 'p', 'provider': {'type': 'process', 'path': 'true', "
        + "'arguments': ['-v']}}";

    assertThat(Tolerances.isMet(json(tolerance), json("1"), context)).isFalse();
    assertThat(context.probesRun()).isEmpty();
  }

  @Test
  void probe_returningEmptyString_isNotMetByPythonTruthiness() {
    assertThat(returning("''")).isFalse();
  }

  @Test
  void probe_returningZero_isNotMetByPythonTruthiness() {
    assertThat(returning("0.0")).isFalse();
  }

  @Test
  void probe_returningEmptyObject_isNotMetByPythonTruthiness() {
    assertThat(returning("{}")).isFalse();
  }

  @Test
  void probe_returningNull_isNotMet() {
    assertThat(returning("null")).isFalse();
  }

  @Test
  void probe_returningNonEmptyList_isMet() {
    assertThat(returning("[0]")).isTrue();
  }

  private boolean returning(String output) {
    FakeToleranceContext fixed = new FakeToleranceContext().runningProbesWith(p -> json(output));
    return Tolerances.isMet(json(MUST_BE_IN_RANGE), http("7"), fixed);
  }
}
