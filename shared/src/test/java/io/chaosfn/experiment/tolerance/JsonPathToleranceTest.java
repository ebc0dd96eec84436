package io.chaosfn.experiment.tolerance;

import static io.chaosfn.experiment.tolerance.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The jsonpath tolerance: matches, {@code count}, {@code expect}, {@code target}, JSON strings, jsonpath2 filters. */
class JsonPathToleranceTest {
  private static final String FOO_LIST = "{'foo': [{'baz': 1}, {'baz': 2}]}";

  private final FakeToleranceContext context = new FakeToleranceContext();

  private boolean met(String tolerance, String value) {
    return Tolerances.isMet(json(tolerance), json(value), context);
  }

  @Test
  void jsonpath_filterOnListItems_isMet() {
    assertThat(met("{'type': 'jsonpath', 'path': '$.foo.*[?(@.baz)]'}", FOO_LIST)).isTrue();
  }

  @Test
  void jsonpath_nothingMatches_isNotMet() {
    assertThat(met("{'type': 'jsonpath', 'path': '$.notsofoo.*[?(@.baz)].baz'}", FOO_LIST)).isFalse();
  }

  @Test
  void jsonpath_missingPropertyOfDefinitePath_isNotMet() {
    assertThat(met("{'type': 'jsonpath', 'path': '$.nothing.here'}", FOO_LIST)).isFalse();
  }

  @Test
  void jsonpath_expectScalarEqualToSingleMatch_isMet() {
    String tolerance = "{'type': 'jsonpath', 'path': '$.foo[?(@.baz)].baz', 'expect': 'hello'}";

    assertThat(met(tolerance, "{'foo': {'baz': 'hello'}}")).isTrue();
  }

  @Test
  void jsonpath_expectListWrappingMatchedList_isMet() {
    String tolerance = "{'type': 'jsonpath', 'path': '$.foo[?(@.baz)].baz', 'expect': [['hello', 'bonjour']]}";

    assertThat(met(tolerance, "{'foo': {'baz': ['hello', 'bonjour']}}")).isTrue();
  }

  @Test
  void jsonpath_expectNestedLists_comparesWholeStructure() {
    String tolerance = "{'type': 'jsonpath', 'path': '$.foo[?(@.baz)].baz', 'expect': [[['hello'], ['bonjour']]]}";

    assertThat(met(tolerance, "{'foo': {'baz': [['hello'], ['bonjour']]}}")).isTrue();
  }

  @Test
  void jsonpath_expectEmptyListWhenNothingMatches_isMet() {
    String tolerance = "{'type': 'jsonpath', 'path': '$.foo[?(@.baz)].baz', 'expect': []}";

    assertThat(met(tolerance, "{'foo': {'jon': 'boom'}}")).isTrue();
  }

  @Test
  void jsonpath_expectListOfAllMatches_isMet() {
    String tolerance = "{'type': 'jsonpath', 'path': '$.foo.*[?(@.baz)].baz', 'expect': ['hello', 'bonjour']}";

    assertThat(met(tolerance, "{'foo': [{'baz': 'hello'}, {'baz': 'bonjour'}]}")).isTrue();
  }

  @Test
  void jsonpath_expectScalarWithTwoMatches_isNotMet() {
    String tolerance = "{'type': 'jsonpath', 'path': '$.foo[*].baz', 'expect': 1}";

    assertThat(met(tolerance, FOO_LIST)).isFalse();
  }

  @Test
  void jsonpath_expectOverridesCount() {
    String tolerance = "{'type': 'jsonpath', 'path': '$.foo[*].baz', 'count': 5, 'expect': [1, 2]}";

    assertThat(met(tolerance, FOO_LIST)).isTrue();
  }

  @Test
  void jsonpath_jsonpath2EqualsFilterWithCount_isMet() {
    String tolerance = "{'type': 'jsonpath', 'path': '$.foo[?(@.baz=\"hello\")]', 'count': 1}";

    assertThat(met(tolerance, "{'foo': {'baz': 'hello'}}")).isTrue();
  }

  @Test
  void jsonpath_jsonpath2EqualsFilterWithoutMatch_isNotMet() {
    String tolerance = "{'type': 'jsonpath', 'path': '$.foo[?(@.baz=\"bonjour\")]', 'count': 1}";

    assertThat(met(tolerance, "{'foo': {'baz': 'hello'}}")).isFalse();
  }

  @Test
  void jsonpath_numericFilterWithCountOne_isMet() {
    assertThat(met("{'type': 'jsonpath', 'path': '$.foo.*[?(@.baz=2)]', 'count': 1}", FOO_LIST)).isTrue();
  }

  @Test
  void jsonpath_existenceFilterWithCountTwo_isMet() {
    assertThat(met("{'type': 'jsonpath', 'path': '$.foo.*[?(@.baz)]', 'count': 2}", FOO_LIST)).isTrue();
  }

  @Test
  void jsonpath_countDifferentFromMatches_isNotMet() {
    assertThat(met("{'type': 'jsonpath', 'path': '$.foo.*[?(@.baz)]', 'count': 3}", FOO_LIST)).isFalse();
  }

  @Test
  void jsonpath_countZeroWhenNothingMatches_isMet() {
    assertThat(met("{'type': 'jsonpath', 'path': '$.foo.*[?(@.baz=9)]', 'count': 0}", FOO_LIST)).isTrue();
  }

  @Test
  void jsonpath_jsonpath2AndFilter_isMet() {
    String tolerance = "{'type': 'jsonpath', 'path': '$.items[?(@.a=1 and @.b=\"x\")]', 'count': 1}";

    assertThat(met(tolerance, "{'items': [{'a': 1, 'b': 'x'}, {'a': 1, 'b': 'y'}]}")).isTrue();
  }

  @Test
  void jsonpath_jsonStringValue_isParsedBeforeMatching() {
    assertThat(met("{'type': 'jsonpath', 'path': '$.foo[*].baz'}", "'{\"foo\": [{\"baz\": 1}, {\"baz\": 2}]}'"))
        .isTrue();
  }

  @Test
  void jsonpath_targetBodyOfHttpOutput_isSearched() {
    String http = "{'status': 200, 'headers': {}, 'body': {'ready': true}}";

    assertThat(met("{'type': 'jsonpath', 'target': 'body', 'path': '$.ready', 'expect': true}", http)).isTrue();
  }

  @Test
  void jsonpath_targetBodyHoldingJsonText_isParsed() {
    String http = "{'status': 200, 'headers': {}, 'body': '{\"replicas\": 3}'}";

    assertThat(met("{'type': 'jsonpath', 'target': 'body', 'path': '$.replicas', 'expect': 3}", http)).isTrue();
  }

  @Test
  void jsonpath_pathReference_isSubstituted() {
    context.with("field", json("'baz'"));

    assertThat(met("{'type': 'jsonpath', 'path': '$.foo[*].${field}', 'count': 2}", FOO_LIST)).isTrue();
  }

  @Test
  void jsonpath_expectReference_isSubstitutedWithItsType() {
    context.with("replicas", json("3"));

    assertThat(met("{'type': 'jsonpath', 'path': '$.n', 'expect': '${replicas}'}", "{'n': 3}")).isTrue();
  }

  @Test
  void jsonpath_expectNull_matchesOneNullValue() {
    assertThat(met("{'type': 'jsonpath', 'path': '$.n', 'expect': null}", "{'n': null}")).isTrue();
  }

  @Test
  void jsonpath_matchedIntegerAgainstExpectedFloat_usesPythonEquality() {
    assertThat(met("{'type': 'jsonpath', 'path': '$.n', 'expect': 3.0}", "{'n': 3}")).isTrue();
  }
}
