package io.chaosfn.experiment.tolerance;

import static io.chaosfn.experiment.tolerance.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.InvalidPathException;
import org.junit.jupiter.api.Test;

/** jsonpath2 spellings translated to Jayway's, and evaluation on JSON values. */
class JsonPathsTest {
  private static final String ITEMS = "{'items': [{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'y'}, {'a': 3, 'b': 'a=b'}]}";

  private static String matches(String path, String document) {
    return JsonPaths.matches(JsonPaths.compile(path), json(document)).toString();
  }

  @Test
  void translate_singleEquals_becomesDoubleEquals() {
    assertThat(JsonPaths.translate("$.foo[?(@.baz=\"hello\")]")).isEqualTo("$.foo[?(@.baz==\"hello\")]");
  }

  @Test
  void translate_equalsInsideQuotedString_isKept() {
    assertThat(JsonPaths.translate("$[?(@.b=\"a=b\")]")).isEqualTo("$[?(@.b==\"a=b\")]");
  }

  @Test
  void translate_otherComparisons_areKept() {
    assertThat(JsonPaths.translate("$[?(@.a!=1 && @.b<=2 && @.c>=3 && @.d==4)]"))
        .isEqualTo("$[?(@.a!=1 && @.b<=2 && @.c>=3 && @.d==4)]");
  }

  @Test
  void translate_logicalWordsInsideFilter_becomeOperators() {
    assertThat(JsonPaths.translate("$[?(@.a=1 and not (@.b=2 or @.c=3))]"))
        .isEqualTo("$[?(@.a==1 && ! (@.b==2 || @.c==3))]");
  }

  @Test
  void translate_logicalWordsOutsideFilter_areKept() {
    assertThat(JsonPaths.translate("$.order.not.or")).isEqualTo("$.order.not.or");
  }

  @Test
  void matches_filterOnQuotedValueContainingEquals_findsIt() {
    assertThat(matches("$.items[?(@.b=\"a=b\")].a", ITEMS)).isEqualTo("[3]");
  }

  @Test
  void matches_notFilter_excludesMatchingItems() {
    assertThat(matches("$.items[?(not (@.a=1 or @.a=2))].b", ITEMS)).isEqualTo("[\"a=b\"]");
  }

  @Test
  void matches_numericComparison_filtersItems() {
    assertThat(matches("$.items[?(@.a>=2)].b", ITEMS)).isEqualTo("[\"y\", \"a=b\"]");
  }

  @Test
  void matches_doubleQuotedBracketName_selectsProperty() {
    assertThat(matches("$[\"items\"][0].a", ITEMS)).isEqualTo("[1]");
  }

  @Test
  void matches_recursiveDescent_findsAllValues() {
    assertThat(matches("$..a", ITEMS)).isEqualTo("[1, 2, 3]");
  }

  @Test
  void matches_slice_selectsRange() {
    assertThat(matches("$.items[1:].a", ITEMS)).isEqualTo("[2, 3]");
  }

  @Test
  void matches_definitePathToList_givesListAsOneMatch() {
    assertThat(matches("$.items[0]", ITEMS)).isEqualTo("[{\"a\":1,\"b\":\"x\"}]");
  }

  @Test
  void matches_lengthFunction_givesOneValue() {
    assertThat(matches("$.items.length()", ITEMS)).isEqualTo("[3]");
  }

  @Test
  void matches_keysFunction_givesTheNamesAsOneList() {
    assertThat(matches("$.items[0].keys()", ITEMS)).isEqualTo("[[\"a\",\"b\"]]");
  }

  @Test
  void compile_sliceWithStep_isRefusedByJayway() {
    assertThatThrownBy(() -> JsonPaths.compile("$.items[::2]")).isInstanceOf(InvalidPathException.class);
  }

  @Test
  void matches_pathIntoString_findsNothing() {
    assertThat(matches("$.a", "'text'")).isEqualTo("[]");
  }
}
