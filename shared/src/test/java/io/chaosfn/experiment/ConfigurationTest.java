package io.chaosfn.experiment;

import static io.chaosfn.experiment.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigurationTest {
  private static String resolveOne(String declaration, Map<String, String> env) {
    return Configuration.resolve(object("{'k': " + declaration + "}"), null, env).values().get("k").toString();
  }

  @Test
  void resolve_literals_areKeptAsWritten() {
    ResolvedConfiguration resolved =
        Configuration.resolve(object("{'url': 'http://x', 'n': 3, 'nested': {'a': [1, 2]}, 'none': null}"), null, Map.of());

    assertThat(resolved.values().toString()).isEqualTo("{\"url\":\"http://x\",\"n\":3,\"nested\":{\"a\":[1,2]},\"none\":null}");
    assertThat(resolved.dynamic()).isEmpty();
  }

  @Test
  void resolve_envPresent_usesItsValueEvenWhenEmpty() {
    assertThat(resolveOne("{'type': 'env', 'key': 'V', 'default': 'd'}", Map.of("V", "x"))).isEqualTo("\"x\"");
    assertThat(resolveOne("{'type': 'env', 'key': 'V', 'default': 'd'}", Map.of("V", ""))).isEqualTo("\"\"");
  }

  @Test
  void resolve_envMissingWithDefault_usesTheDefaultEvenNull() {
    assertThat(resolveOne("{'type': 'env', 'key': 'V', 'default': 'd'}", Map.of())).isEqualTo("\"d\"");
    assertThat(resolveOne("{'type': 'env', 'key': 'V', 'default': null}", Map.of())).isEqualTo("null");
    assertThat(resolveOne("{'type': 'env', 'key': 'V', 'default': [1]}", Map.of())).isEqualTo("[1]");
  }

  @Test
  void resolve_envStringDefaultWithType_isConverted() {
    assertThat(resolveOne("{'type': 'env', 'key': 'V', 'default': '8080', 'env_var_type': 'int'}", Map.of()))
        .isEqualTo("8080");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "str|42|\"42\"",
        "string|x|\"x\"",
        "int| 42 |42",
        "integer|1_000|1000",
        "float|1.5|1.5",
        "number|2|2.0",
        "float|1e3|1000.0",
        "bytes|abc|\"abc\"",
        "bool|False|false",
        "bool|0|false",
        "bool|NO|false",
        "bool|yes|true",
        "bool|anything|true",
        "json|{\"a\": [1]}|{\"a\":[1]}",
        "json|null|null",
      })
  void resolve_envVarType_convertsLikePython(String type, String value, String expected) {
    String result = resolveOne("{'type': 'env', 'key': 'V', 'env_var_type': '" + type + "'}", Map.of("V", value));

    assertThat(result).isEqualTo(expected);
  }

  @Test
  void resolve_envJsonEmpty_isPassedThrough() {
    assertThat(resolveOne("{'type': 'env', 'key': 'V', 'env_var_type': 'json'}", Map.of("V", ""))).isEqualTo("\"\"");
  }

  @Test
  void resolve_everyProblem_isReportedWithItsPath() {
    String declarations =
        "{'a': {'type': 'env', 'key': 'MISSING'}, 'b': {'type': 'env', 'key': 'V', 'env_var_type': 'int'},"
            + " 'c': {'type': 'env', 'key': 'V', 'env_var_type': 'date'}, 'd': {'type': 'env'}, 'e': 'fine'}";

    assertThatThrownBy(() -> Configuration.resolve(object(declarations), null, Map.of("V", "abc")))
        .isInstanceOfSatisfying(
            InvalidExperimentException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new Problem(
                            "configuration.a",
                            "Configuration makes reference to an environment key that does not exist: MISSING"),
                        new Problem(
                            "configuration.b",
                            "the value of V is not a valid int: invalid literal for int() with base 10: 'abc'"),
                        new Problem(
                            "configuration.c",
                            "env_var_type \"date\" is not supported; use one of " + ValueType.NAMES),
                        new Problem(
                            "configuration.d",
                            "an env declaration requires a `key` string naming the environment variable")));
  }

  @Test
  void resolve_invalidFloatAndJson_reportPythonMessages() {
    Problems problems = new Problems();

    Configuration.validate(
        object("{'f': {'type': 'env', 'key': 'F', 'env_var_type': 'float'}, 'j': {'type': 'env', 'key': 'J', 'env_var_type': 'json'}}"),
        Map.of("F", "1.2.3", "J", "{bad"),
        problems);

    assertThat(problems.list()).extracting(Problem::message)
        .satisfiesExactly(
            m -> assertThat(m).isEqualTo("the value of F is not a valid float: could not convert string to float: '1.2.3'"),
            m -> assertThat(m).startsWith("the value of J is not a valid json: invalid JSON: "));
  }

  @Test
  void resolve_dynamicProbes_areReturnedInOrderNotEvaluated() {
    ResolvedConfiguration resolved =
        Configuration.resolve(
            object("{'p2': {'type': 'probe', 'name': 'two'}, 'lit': 1, 'p1': {'type': 'probe', 'name': 'one'}}"),
            null,
            Map.of());

    assertThat(resolved.values().propertyNames()).containsExactly("lit");
    assertThat(resolved.dynamic()).extracting(DynamicConfiguration::key).containsExactly("p2", "p1");
    assertThat(resolved.dynamic().get(0).probe().get("name").asString()).isEqualTo("two");
  }

  @Test
  void resolve_otherTypedObject_isKeptWhole() {
    assertThat(resolveOne("{'type': 'vault', 'path': 'x'}", Map.of())).isEqualTo("{\"type\":\"vault\",\"path\":\"x\"}");
  }

  @Test
  void resolve_overrides_replaceOnlyDeclaredKeys() {
    ResolvedConfiguration resolved =
        Configuration.resolve(
            object("{'port': 80, 'host': 'h'}"), object("{'port': 8080, 'undeclared': 'x'}"), Map.of());

    assertThat(resolved.values().toString()).isEqualTo("{\"port\":8080,\"host\":\"h\"}");
  }

  @Test
  void resolve_overrideWithDeclaration_isResolved() {
    ResolvedConfiguration resolved =
        Configuration.resolve(
            object("{'dir': 'x'}"), object("{'dir': {'type': 'env', 'key': 'PWD'}}"), Map.of("PWD", "/work"));

    assertThat(resolved.values().get("dir").asString()).isEqualTo("/work");
  }

  @Test
  void resolve_overrideOfEnvKey_winsOverMissingEnvironment() {
    ResolvedConfiguration resolved =
        Configuration.resolve(object("{'t': {'type': 'env', 'key': 'MISSING'}}"), object("{'t': 'given'}"), Map.of());

    assertThat(resolved.values().get("t").asString()).isEqualTo("given");
  }

  @Test
  void resolve_declarations_areNotChanged() {
    var declarations = object("{'n': {'a': 1}}");

    Configuration.resolve(declarations, null, Map.of()).values().withObject("n").put("a", 2);

    assertThat(declarations.toString()).isEqualTo("{\"n\":{\"a\":1}}");
  }

  @Test
  void resolve_null_isEmpty() {
    assertThat(Configuration.resolve(null, null, Map.of()).values().isEmpty()).isTrue();
  }
}
