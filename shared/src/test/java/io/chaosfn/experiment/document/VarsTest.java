package io.chaosfn.experiment.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.experiment.InvalidExperimentException;
import io.chaosfn.experiment.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VarsTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, UTF_8);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "name=Jane|\"Jane\"",
        "name:str=Jane|\"Jane\"",
        "url=http://x?a=b|\"http://x?a=b\"",
        "host:port:string=a|\"a\"",
        "port:int=8080|8080",
        "port:integer=8_080|8080",
        "ratio:float=0.5|0.5",
        "ratio:number=2|2.0",
        "flag:bool=no|false",
        "flag:bool=true|true",
        "raw:bytes=abc|\"abc\"",
        "data:json={\"a\":[1]}|{\"a\":[1]}",
        "empty=|\"\"",
      })
  void parse_varOption_convertsByType(String option, String expected) {
    Vars vars = Vars.parse(List.of(option), List.of());

    assertThat(vars.configuration().properties()).singleElement()
        .satisfies(e -> assertThat(e.getValue().toString()).isEqualTo(expected));
  }

  @Test
  void parse_typedKey_dropsTheTypeFromTheName() {
    Vars vars = Vars.parse(List.of("host:port:string=a"), List.of());

    assertThat(vars.configuration().propertyNames()).containsExactly("host:port");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "novalue|invalid --var 'novalue': expected KEY=VALUE or KEY:TYPE=VALUE",
        "=x|invalid --var '=...': the key is empty",
        "port:date=1|invalid --var 'port:date=...': variable type can only be: bool, str, int, float, bytes or json",
        "port:int=abc|invalid --var 'port:int=...': invalid literal for int() with base 10: 'abc'",
        "r:float=x|invalid --var 'r:float=...': could not convert string to float: 'x'",
      })
  void parse_malformedVarOption_isAUsageError(String option, String message) {
    assertThatThrownBy(() -> Vars.parse(List.of(option), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void parse_invalidJsonVar_isAUsageError() {
    assertThatThrownBy(() -> Vars.parse(List.of("d:json={bad"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid --var 'd:json=...': invalid JSON: ");
  }

  @Test
  void parse_varFilesInOrder_laterOverrideEarlierAndVarsOverrideFiles() throws IOException {
    Path first = file("a.json", "{\"configuration\": {\"a\": 1, \"b\": 1}, \"secrets\": {\"s\": {\"x\": \"1\", \"y\": \"1\"}}}");
    Path second = file("b.yaml", "configuration:\n  b: 2\n  c: 2\nsecrets:\n  s:\n    x: '2'\n");

    Vars vars = Vars.parse(List.of("c=3"), List.of(first, second));

    assertThat(vars.configuration().toString()).isEqualTo("{\"a\":1,\"b\":2,\"c\":\"3\"}");
    assertThat(vars.secrets().toString()).isEqualTo("{\"s\":{\"x\":\"2\"}}");
  }

  @Test
  void parse_issue252VarFile_keepsDeclarationsWhole() throws IOException {
    Path fixture = Path.of(System.getProperty("chaosfn.shared.dir", "/absent"), "fixtures/chaostoolkit/lib-raw/env_vars_issue252.json");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(fixture), "shared fixtures not found at " + fixture);

    Vars vars = Vars.parse(List.of(), List.of(fixture));

    assertThat(vars.configuration().get("some_config_1").toString()).isEqualTo("{\"key\":\"PWD\",\"type\":\"env\"}");
    assertThat(vars.configuration().get("some_config_2").get("type").asString()).isEqualTo("probe");
  }

  @Test
  void parse_dotEnvFile_addsToTheEnvironmentOnly() throws IOException {
    Path env =
        file(
            ".env",
            "# comment\n\nexport A=1\nB = two words  # trailing\nC='single # kept'\nD=\"line\\nnext \\\"q\\\"\"\nE=\nF=x=y\r\n");

    Vars vars = Vars.parse(List.of(), List.of(env));

    assertThat(vars.environment())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("A", "1", "B", "two words", "C", "single # kept", "D", "line\nnext \"q\"", "E", "", "F", "x=y"));
    assertThat(vars.configuration().isEmpty()).isTrue();
    assertThat(System.getenv("A")).isNotEqualTo("1");
  }

  @Test
  void environmentOver_varEntries_winOverTheBase() throws IOException {
    Vars vars = Vars.parse(List.of(), List.of(file("vars.env", "A=var\n")));

    assertThat(vars.environmentOver(Map.of("A", "base", "B", "b"))).isEqualTo(Map.of("A", "var", "B", "b"));
  }

  @Test
  void parse_badDotEnvLines_areAllReportedWithoutTheirContent() throws IOException {
    Path env = file("bad.env", "GOOD=1\nsecret-without-equals\nOK=2\nQ='unclosed\n");

    assertThatThrownBy(() -> Vars.parse(List.of(), List.of(env)))
        .isInstanceOfSatisfying(
            InvalidExperimentException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new Problem("", env + ": line 2: expected KEY=VALUE"),
                        new Problem("", env + ": line 4: expected KEY=VALUE")));
  }

  @Test
  void parse_missingVarFile_isAnError() {
    Path missing = dir.resolve("missing.json");

    assertThatThrownBy(() -> Vars.parse(List.of(), List.of(missing)))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessage(missing + ": cannot read the var file (NoSuchFileException)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"configuration\": [1]}",
        "{\"secrets\": {\"s\": \"flat\"}}",
        "{\"secrets\": 3}",
        "{\"configuration\": ",
        "[]",
      })
  void parse_invalidStructuredVarFile_isAnError(String content) throws IOException {
    Path vars = file("vars.json", content);

    assertThatThrownBy(() -> Vars.parse(List.of(), List.of(vars)))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessageStartingWith(vars + ": ");
  }

  @Test
  void parse_unsafeYamlVarFile_isRefused() throws IOException {
    Path vars = file("vars.yaml", "configuration: !!python/object/apply:os.system ['id']\n");

    assertThatThrownBy(() -> Vars.parse(List.of(), List.of(vars)))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessageContaining("python/object/apply");
  }

  @Test
  void toString_neverShowsValues() throws IOException {
    Vars vars = Vars.parse(List.of("k=plain"), List.of(file("s.env", "TOKEN=hunter22\n")));

    assertThat(vars.toString()).doesNotContain("hunter22").doesNotContain("plain").contains("TOKEN");
  }
}
