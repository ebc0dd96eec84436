package io.chaosfn.experiment.tolerance;

import static io.chaosfn.experiment.tolerance.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.experiment.Problem;
import io.chaosfn.experiment.Problems;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Validation of a tolerance: Chaos Toolkit's messages, verbatim, each at the offending path. */
class ToleranceValidationTest {
  private static final String AT = "steady-state-hypothesis.probes[0].tolerance";

  private final Problems problems = new Problems();

  private Optional<Tolerance> parse(String tolerance) {
    return Tolerances.parse(json(tolerance), problems.at("steady-state-hypothesis").at("probes").at(0).at("tolerance"));
  }

  private List<Problem> problemsOf(String tolerance) {
    parse(tolerance);
    return problems.list();
  }

  @Test
  void parse_boolean_givesBooleanTolerance() {
    assertThat(parse("true")).contains(new BooleanTolerance(true));
  }

  @Test
  void parse_integer_givesIntegerTolerance() {
    assertThat(parse("200")).contains(new IntegerTolerance(BigInteger.valueOf(200)));
  }

  @Test
  void parse_string_givesStringTolerance() {
    assertThat(parse("'${expected}'")).contains(new StringTolerance("${expected}"));
  }

  @Test
  void parse_listOfAnything_givesListToleranceWithoutCheckingItems() {
    assertThat(parse("[200, 'x', null, 1.5]")).containsInstanceOf(ListTolerance.class);
  }

  @Test
  void parse_range_keepsExactBounds() {
    assertThat(parse("{'type': 'range', 'range': [1, 2.5], 'target': 'body'}"))
        .contains(new RangeTolerance(BigDecimal.ONE, new BigDecimal("2.5"), Optional.of("body")));
  }

  @Test
  void parse_rangeWithBooleanBound_isAcceptedAsPythonNumber() {
    assertThat(parse("{'type': 'range', 'range': [false, 2]}")).isPresent();
  }

  @Test
  void parse_validProbe_handsItToProbeValidation() {
    Problems at = new Problems().at("tolerance");

    Tolerances.parse(
        json("{'type': 'probe', 'name': 'p'}"), at, (probe, path) -> path.add("an activity requires a provider"));

    assertThat(at.list()).containsExactly(new Problem("tolerance", "an activity requires a provider"));
  }

  @Test
  void parse_probeRejectedByProbeValidation_givesNothing() {
    Optional<Tolerance> tolerance = Tolerances.parse(
        json("{'type': 'probe', 'name': 'p'}"), new Problems(), (probe, path) -> path.add("bad"));

    assertThat(tolerance).isEmpty();
  }

  @Test
  void parse_float_isRefusedWithChaosToolkitsMessage() {
    assertThat(problemsOf("1.5")).containsExactly(new Problem(AT, "hypothesis probe tolerance must either be an "
        + "integer, a string, a boolean or a pair of values for boundaries. It can also be a dictionary which is a "
        + "probe activity definition that takes an argument called `value` with the value of the probe itself to "
        + "be validated"));
  }

  @Test
  void parse_null_isRefusedAsUnsupportedKind() {
    assertThat(problemsOf("null")).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("hypothesis probe tolerance must either be an integer"));
  }

  @Test
  void parse_unknownType_isRefused() {
    assertThat(problemsOf("{'type': 'boom'}"))
        .containsExactly(new Problem(AT, "hypothesis probe tolerance type 'boom' is unsupported"));
  }

  @Test
  void parse_objectWithoutType_namesNoneLikePython() {
    assertThat(problemsOf("{'pattern': 'x'}"))
        .containsExactly(new Problem(AT, "hypothesis probe tolerance type 'None' is unsupported"));
  }

  @Test
  void parse_regexWithoutPattern_isRefused() {
    assertThat(problemsOf("{'type': 'regex', 'target': 'stdout'}"))
        .containsExactly(new Problem(AT, "hypothesis regex probe tolerance must have a `pattern` key"));
  }

  @Test
  void parse_regexWithNullPattern_isRefusedAsInvalidType() {
    assertThat(problemsOf("{'type': 'regex', 'target': 'stdout', 'pattern': null}"))
        .containsExactly(new Problem(AT + ".pattern", "hypothesis probe tolerance pattern None has an invalid type"));
  }

  @Test
  void parse_regexWithListPattern_printsItLikePython() {
    assertThat(problemsOf("{'type': 'regex', 'pattern': ['a', 1, true, {'k': null}]}")).containsExactly(new Problem(
        AT + ".pattern", "hypothesis probe tolerance pattern ['a', 1, True, {'k': None}] has an invalid type"));
  }

  @Test
  void parse_regexWithInvalidPattern_isRefusedWithReason() {
    assertThat(problemsOf("{'type': 'regex', 'target': 'stdout', 'pattern': '[0-9'}")).singleElement()
        .isEqualTo(new Problem(AT + ".pattern",
            "hypothesis probe tolerance pattern [0-9 seems invalid: unterminated character set"));
  }

  @Test
  void parse_jsonpathWithoutPath_isRefused() {
    assertThat(problemsOf("{'type': 'jsonpath'}"))
        .containsExactly(new Problem(AT, "hypothesis jsonpath probe tolerance must have a `path` key"));
  }

  @Test
  void parse_jsonpathWithEmptyPath_isRefused() {
    assertThat(problemsOf("{'type': 'jsonpath', 'path': '  '}"))
        .containsExactly(new Problem(AT + ".path", "hypothesis probe tolerance JSON path cannot be empty"));
  }

  @Test
  void parse_jsonpathWithNumberPath_isRefusedAsInvalidType() {
    assertThat(problemsOf("{'type': 'jsonpath', 'path': 5}"))
        .containsExactly(new Problem(AT + ".path", "hypothesis probe tolerance JSON path 5 has an invalid type"));
  }

  @Test
  void parse_jsonpathThatDoesNotCompile_isRefused() {
    assertThat(problemsOf("{'type': 'jsonpath', 'path': '$.foo[?(@.baz'}"))
        .containsExactly(new Problem(AT + ".path", "hypothesis probe tolerance JSON path $.foo[?(@.baz is invalid"));
  }

  @Test
  void parse_rangeWithoutRange_isRefused() {
    assertThat(problemsOf("{'type': 'range', 'target': 'body'}"))
        .containsExactly(new Problem(AT, "hypothesis range probe tolerance must have a `range` key"));
  }

  @Test
  void parse_rangeThatIsNotAList_isRefused() {
    assertThat(problemsOf("{'type': 'range', 'range': '1-5'}"))
        .containsExactly(new Problem(AT + ".range", "hypothesis range must be a sequence"));
  }

  @Test
  void parse_rangeWithThreeValues_isRefused() {
    assertThat(problemsOf("{'type': 'range', 'range': [1, 2, 3]}"))
        .containsExactly(new Problem(AT + ".range", "hypothesis range sequence must be made of two values"));
  }

  @Test
  void parse_rangeWithStringLowerBound_isRefused() {
    assertThat(problemsOf("{'type': 'range', 'target': 'body', 'range': ['a', 6]}"))
        .containsExactly(new Problem(AT + ".range[0]", "hypothesis range lower boundary must be a number"));
  }

  @Test
  void parse_rangeWithStringUpperBound_isRefused() {
    assertThat(problemsOf("{'type': 'range', 'target': 'body', 'range': [6, 'b']}"))
        .containsExactly(new Problem(AT + ".range[1]", "hypothesis range upper boundary must be a number"));
  }

  @Test
  void parse_rangeWithBothBoundsWrong_reportsBoth() {
    assertThat(problemsOf("{'type': 'range', 'range': [null, 'b']}")).hasSize(2);
  }

  @Test
  void parse_invalidTolerance_givesNothing() {
    assertThat(parse("{'type': 'range', 'range': [6, 'b']}")).isEmpty();
  }

  @Test
  void isMet_toleranceInvalidAtRunTime_isNotMet() {
    assertThat(Tolerances.isMet(json("{'type': 'boom'}"), json("1"), new FakeToleranceContext())).isFalse();
  }
}
