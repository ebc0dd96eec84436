package io.chaosfn.experiment.tolerance;

import static io.chaosfn.experiment.tolerance.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Boolean, integer, string and list tolerances: Chaos Toolkit's test_tolerance.py table and §1.8's quirks. */
class ScalarToleranceTest {
  private final FakeToleranceContext context = new FakeToleranceContext();

  private boolean met(String tolerance, String value) {
    return Tolerances.isMet(json(tolerance), json(value), context);
  }

  @Test
  void integer_equalValue_isMet() {
    assertThat(met("6", "6")).isTrue();
  }

  @Test
  void integer_differentValue_isNotMet() {
    assertThat(met("6", "7")).isFalse();
  }

  @Test
  void integer_processOutputWithThatStatus_isMet() {
    assertThat(met("0", "{'status': 0, 'stdout': 'Python 3.11.2', 'stderr': ''}")).isTrue();
  }

  @Test
  void integer_httpOutputWithAnotherStatus_isNotMet() {
    assertThat(met("200", "{'status': 500, 'headers': {}, 'body': ''}")).isFalse();
  }

  @Test
  void integer_equalFloatValue_isMet() {
    assertThat(met("6", "6.0")).isTrue();
  }

  @Test
  void integer_trueAgainstOne_isMetLikePython() {
    assertThat(met("1", "true")).isTrue();
  }

  @Test
  void integer_numericString_isNotMet() {
    assertThat(met("200", "'200'")).isFalse();
  }

  @Test
  void integer_beyondLongRange_comparesExactly() {
    assertThat(met("123456789012345678901234567890", "123456789012345678901234567890")).isTrue();
  }

  @Test
  void boolean_equalValue_isMet() {
    assertThat(met("true", "true")).isTrue();
  }

  @Test
  void boolean_differentValue_isNotMet() {
    assertThat(met("true", "false")).isFalse();
  }

  @Test
  void boolean_oneAgainstTrue_isMetLikePython() {
    assertThat(met("true", "1")).isTrue();
  }

  @Test
  void boolean_zeroAgainstFalse_isMetLikePython() {
    assertThat(met("false", "0")).isTrue();
  }

  @Test
  void boolean_objectWithStatus_isNotMetBecauseThereIsNoStatusShortcut() {
    assertThat(met("true", "{'status': 1}")).isFalse();
  }

  @Test
  void boolean_nullValue_isNotMet() {
    assertThat(met("false", "null")).isFalse();
  }

  @Test
  void string_equalValue_isMet() {
    assertThat(met("'hello'", "'hello'")).isTrue();
  }

  @Test
  void string_differentValue_isNotMet() {
    assertThat(met("'hello'", "'not hello'")).isFalse();
  }

  @Test
  void string_httpOutput_isNotMetBecauseThereIsNoStatusShortcut() {
    assertThat(met("'200'", "{'status': 200, 'headers': {}, 'body': '200'}")).isFalse();
  }

  @Test
  void string_wholeReferenceToInteger_becomesIntegerTolerance() {
    context.with("expected", json("200"));

    assertThat(met("'${expected}'", "{'status': 200, 'headers': {}, 'body': ''}")).isTrue();
  }

  @Test
  void string_wholeReferenceToList_becomesListTolerance() {
    context.with("codes", json("[200, 204, 301]"));

    assertThat(met("'${codes}'", "{'status': 204}")).isTrue();
  }

  @Test
  void string_wholeReferenceToFloat_isNotMet() {
    context.with("expected", json("1.5"));

    assertThat(met("'${expected}'", "1.5")).isFalse();
  }

  @Test
  void string_partialReference_comparesSubstitutedText() {
    context.with("name", json("'world'"));

    assertThat(met("'hello ${name}'", "'hello world'")).isTrue();
  }

  @Test
  void list_processStatusInList_isMet() {
    assertThat(met("[5, 6]", "{'status': 6}")).isTrue();
  }

  @Test
  void list_processStatusNotInList_isNotMet() {
    assertThat(met("[5, 7]", "{'status': 6}")).isFalse();
  }

  @Test
  void list_twoValuesAgainstStatus_isMembershipNotRange() {
    assertThat(met("[200, 302]", "{'status': 250}")).isFalse();
  }

  @Test
  void list_threeValuesAgainstHttpStatus_isMembership() {
    assertThat(met("[200, 301, 302]", "{'status': 301, 'headers': {}, 'body': ''}")).isTrue();
  }

  @Test
  void list_twoValuesAgainstNumberInside_isMetAsInclusiveRange() {
    assertThat(met("[200, 302]", "250")).isTrue();
  }

  @Test
  void list_twoValuesAgainstLowerBound_isMetBecauseBoundsAreIncluded() {
    assertThat(met("[200, 302]", "200")).isTrue();
  }

  @Test
  void list_twoValuesAgainstNumberAbove_isNotMet() {
    assertThat(met("[200, 302]", "303")).isFalse();
  }

  @Test
  void list_twoStringsAgainstStringInside_isMetByLexicalOrder() {
    assertThat(met("['a', 'c']", "'b'")).isTrue();
  }

  @Test
  void list_twoValuesAgainstIncomparableValue_isNotMetInsteadOfCrashing() {
    assertThat(met("[1, 5]", "'three'")).isFalse();
  }

  @Test
  void list_twoValuesAgainstNull_isNotMetInsteadOfCrashing() {
    assertThat(met("[1, 5]", "null")).isFalse();
  }

  @Test
  void list_oneValueAgainstEqualScalar_isMembership() {
    assertThat(met("[500]", "500")).isTrue();
  }

  @Test
  void list_threeValuesAgainstAbsentScalar_isNotMet() {
    assertThat(met("[1, 2, 3]", "4")).isFalse();
  }

  @Test
  void list_membershipOfObject_usesDeepEquality() {
    assertThat(met("[{'a': [1, 2]}, 'x', null]", "{'a': [1.0, 2]}")).isTrue();
  }

  @Test
  void list_emptyList_isNeverMet() {
    assertThat(met("[]", "{'status': 200}")).isFalse();
  }
}
