package io.chaosfn.experiment;

import static io.chaosfn.experiment.Json.object;
import static io.chaosfn.experiment.Json.tree;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class SubstitutionTest {
  private static final ObjectNode CONFIG =
      object(
          "{'name': 'Jane', 'port': 8080, 'on': true, 'off': false, 'none': null, 'ratio': 0.5,"
              + " 'big': 1e20, 'list': [1, 'a', true, null], 'map': {'k': 'v', 'n': 1}}");

  private static JsonNode substitute(String json) {
    return new Substitution(CONFIG, null).apply(tree(json));
  }

  private static String inString(String template) {
    return new Substitution(CONFIG, null).apply(JsonNodeFactory.instance.stringNode(template)).asString();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hello ${name}|hello Jane",
        "hello $name!|hello Jane!",
        "${name}${name}|JaneJane",
        "$$name|$name",
        "cost: $$5|cost: $5",
        "${missing} and $missing|${missing} and $missing",
        "${my-key}|${my-key}",
        "${name|${name",
        "100$|100$",
        "$1|$1",
        "$namely|$namely",
        "${NAME}|${NAME}",
        "port ${port}|port 8080",
        "flag ${on}/${off}|flag True/False",
        "none: ${none}|none: None",
        "ratio ${ratio}|ratio 0.5",
        "big ${big}|big 1e+20",
        "list ${list}|list [1, 'a', True, None]",
        "map ${map}|map {'k': 'v', 'n': 1}",
      })
  void apply_placeholderInsideString_followsPythonTemplate(String template, String expected) {
    String result = inString(template);

    assertThat(result).isEqualTo(expected);
  }

  @Test
  void apply_repr_quotesStringsLikePython() {
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.putArray("l").add("it's").add("a\\b").add("x\ny");

    String result = new Substitution(config, null).apply(JsonNodeFactory.instance.stringNode("v=$l")).asString();

    assertThat(result).isEqualTo("v=[\"it's\", 'a\\\\b', 'x\\ny']");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"${port}|8080", "${on}|true", "${none}|null", "${list}|[1,\"a\",true,null]", "${map}|{\"k\":\"v\",\"n\":1}"})
  void apply_wholeBracedPlaceholder_keepsTheValueType(String placeholder, String expected) {
    JsonNode result = new Substitution(CONFIG, null).apply(JsonNodeFactory.instance.stringNode(placeholder));

    assertThat(result.toString()).isEqualTo(expected);
  }

  @Test
  void apply_wholeBarePlaceholder_isStringified() {
    JsonNode result = substitute("'$port'");

    assertThat(result.isString()).isTrue();
    assertThat(result.asString()).isEqualTo("8080");
  }

  @Test
  void apply_wholeUnknownPlaceholder_isLeftAsWritten() {
    JsonNode result = substitute("'${missing}'");

    assertThat(result.asString()).isEqualTo("${missing}");
  }

  @Test
  void apply_nestedStructures_substitutesValuesNotKeys() {
    JsonNode result = substitute("{'${name}': {'a': ['${port}', ['x ${name}']], 'n': 3, 'b': false}}");

    assertThat(result.toString()).isEqualTo("{\"${name}\":{\"a\":[8080,[\"x Jane\"]],\"n\":3,\"b\":false}}");
  }

  @Test
  void apply_anyTree_neverChangesItsArgument() {
    JsonNode original = tree("{'a': ['${name}', {'b': '${map}'}]}");
    String before = original.toString();

    JsonNode result = new Substitution(CONFIG, null).apply(original);

    assertThat(original.toString()).isEqualTo(before);
    ((ObjectNode) result.get("a").get(1).get("b")).put("k", "changed");
    assertThat(CONFIG.get("map").get("k").asString()).isEqualTo("v");
  }

  @Test
  void apply_configurationAndSecrets_configurationWinsThenScopesInOrder() {
    ObjectNode config = object("{'token': 'from-config'}");
    ObjectNode secrets = object("{'first': {'token': 'first', 'user': 'u1'}, 'second': {'user': 'u2', 'pw': 'p'}}");

    JsonNode result = new Substitution(config, secrets).apply(tree("['${token}', '${user}', '${pw}']"));

    assertThat(result.toString()).isEqualTo("[\"from-config\",\"u1\",\"p\"]");
  }

  @Test
  void apply_secretFromAnyScope_isFound() {
    ObjectNode secrets = object("{'k8s': {'api_token': 'abc'}}");

    JsonNode result = new Substitution(null, secrets).apply(tree("'Bearer ${api_token}'"));

    assertThat(result.asString()).isEqualTo("Bearer abc");
  }

  @Test
  void isEmpty_withoutValues_isTrue() {
    assertThat(new Substitution(null, null).isEmpty()).isTrue();
    assertThat(new Substitution(object("{}"), object("{'s': {}}")).isEmpty()).isTrue();
    assertThat(new Substitution(object("{'a': 1}"), null).isEmpty()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.0|1.0",
        "0.1|0.1",
        "123456789012345.0|123456789012345.0",
        "1e16|1e+16",
        "1.5e-7|1.5e-07",
        "0.0001|0.0001",
        "0.00001|1e-05",
        "-2.5|-2.5",
        "1e300|1e+300",
      })
  void reprFloat_matchesPython(double value, String expected) {
    assertThat(PythonText.reprFloat(value)).isEqualTo(expected);
  }
}
