package io.chaosfn.experiment.tolerance;

import static io.chaosfn.experiment.tolerance.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The range tolerance: inclusive bounds, numeric strings, {@code target}, values that are not numbers. */
class RangeToleranceTest {
  private final FakeToleranceContext context = new FakeToleranceContext();

  private boolean met(String range, String body) {
    String tolerance = "{'type': 'range', 'target': 'body', 'range': " + range + "}";
    String http = "{'status': 200, 'headers': {'Content-Type': 'text/plain'}, 'body': " + body + "}";
    return Tolerances.isMet(json(tolerance), json(http), context);
  }

  @Test
  void range_integerStringInside_isMet() {
    assertThat(met("[10, 800]", "'580'")).isTrue();
  }

  @Test
  void range_integerStringAbove_isNotMet() {
    assertThat(met("[10, 800]", "'1230'")).isFalse();
  }

  @Test
  void range_floatStringInsideFloatBounds_isMet() {
    assertThat(met("[10.5, 800.89]", "'580.5'")).isTrue();
  }

  @Test
  void range_floatStringAboveFloatBounds_isNotMet() {
    assertThat(met("[10.5, 800.89]", "'1230.7'")).isFalse();
  }

  @Test
  void range_mixedBoundsWithFloatInside_isMet() {
    assertThat(met("[10, 800.8]", "'580.4'")).isTrue();
  }

  @Test
  void range_mixedBoundsWithIntegerAbove_isNotMet() {
    assertThat(met("[10.5, 800]", "'1230'")).isFalse();
  }

  @Test
  void range_nonNumericString_isNotMet() {
    assertThat(met("[6, 8]", "'bad'")).isFalse();
  }

  @Test
  void range_valueOnUpperBound_isMet() {
    assertThat(met("[6, 8]", "8")).isTrue();
  }

  @Test
  void range_stringWithSpacesAndUnderscores_isReadLikePythonDecimal() {
    assertThat(met("[1000, 2000]", "' 1_500 '")).isTrue();
  }

  @Test
  void range_floatJustAboveDecimalBound_isNotMetBecauseComparisonIsExact() {
    assertThat(met("[0, 0.1]", "'0.10000000000000001'")).isFalse();
  }

  @Test
  void range_decimalStringEqualToFloatBoundText_isMetBecauseTheFloatIsSlightlyLarger() {
    assertThat(met("[0, 0.1]", "'0.1'")).isTrue();
  }

  @Test
  void range_nullValue_isNotMetInsteadOfCrashing() {
    assertThat(met("[6, 8]", "null")).isFalse();
  }

  @Test
  void range_objectValue_isNotMetInsteadOfCrashing() {
    assertThat(met("[6, 8]", "{'n': 7}")).isFalse();
  }

  @Test
  void range_withoutTarget_checksWholeValue() {
    assertThat(Tolerances.isMet(json("{'type': 'range', 'range': [1, 3]}"), json("2"), context)).isTrue();
  }

  @Test
  void range_booleanValue_countsAsOneLikePython() {
    assertThat(Tolerances.isMet(json("{'type': 'range', 'range': [1, 3]}"), json("true"), context)).isTrue();
  }
}
