package io.chaosfn.experiment.tolerance;

import static io.chaosfn.experiment.tolerance.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The regex tolerance: search (not full match), {@code target}, run-time substitution of the pattern. */
class RegexToleranceTest {
  private static final String PROCESS = "{'status': 0, 'stdout': 'you are number 87', 'stderr': 'you are number 8'}";

  private final FakeToleranceContext context = new FakeToleranceContext();

  private boolean met(String tolerance, String value) {
    return Tolerances.isMet(json(tolerance), json(value), context);
  }

  @Test
  void regex_patternFoundInString_isMet() {
    assertThat(met("{'type': 'regex', 'pattern': '[0-9]{2}'}", "'you are number 87'")).isTrue();
  }

  @Test
  void regex_patternNotFoundInString_isNotMet() {
    assertThat(met("{'type': 'regex', 'pattern': '[0-9]{2}'}", "'you are number 8'")).isFalse();
  }

  @Test
  void regex_targetStdout_searchesOnlyStdout() {
    assertThat(met("{'type': 'regex', 'target': 'stdout', 'pattern': '[0-9]{2}'}", PROCESS)).isTrue();
  }

  @Test
  void regex_targetStderrWithoutMatch_isNotMet() {
    assertThat(met("{'type': 'regex', 'target': 'stderr', 'pattern': '[0-9]{2}'}", PROCESS)).isFalse();
  }

  @Test
  void regex_targetBodyOfHttpOutput_isMet() {
    String http = "{'status': 200, 'headers': {'Content-Type': 'text/plain'}, 'body': 'you are number 87'}";

    assertThat(met("{'type': 'regex', 'target': 'body', 'pattern': '[0-9]{2}'}", http)).isTrue();
  }

  @Test
  void regex_missingTargetKeyWithStringValue_searchesWholeValue() {
    assertThat(met("{'type': 'regex', 'target': 'body', 'pattern': '87'}", "'you are number 87'")).isTrue();
  }

  @Test
  void regex_objectWithoutTarget_isNotMetInsteadOfCrashing() {
    assertThat(met("{'type': 'regex', 'pattern': '87'}", PROCESS)).isFalse();
  }

  @Test
  void regex_numberValue_isNotMetInsteadOfCrashing() {
    assertThat(met("{'type': 'regex', 'pattern': '87'}", "87")).isFalse();
  }

  @Test
  void regex_anchoredPattern_matchesOnlyAtStart() {
    assertThat(met("{'type': 'regex', 'pattern': '^number'}", "'you are number 87'")).isFalse();
  }

  @Test
  void regex_patternReference_isSubstitutedBeforeMatching() {
    context.with("version", json("'3\\\\.11'"));

    assertThat(met("{'type': 'regex', 'pattern': 'Python ${version}'}", "'Python 3.11.2'")).isTrue();
  }

  @Test
  void regex_patternInvalidAfterSubstitution_isNotMet() {
    context.with("broken", json("'[0-9'"));

    assertThat(met("{'type': 'regex', 'pattern': '${broken}'}", "'1'")).isFalse();
  }

  @Test
  void regex_pythonNamedGroupAndBackReference_match() {
    String tolerance = "{'type': 'regex', 'pattern': '(?P<first_word>\\\\w+) (?P=first_word)'}";

    assertThat(met(tolerance, "'hello hello world'")).isTrue();
  }

  @Test
  void regex_unicodeDigitClass_matchesNonAsciiDigitsLikePython() {
    assertThat(met("{'type': 'regex', 'pattern': '^\\\\d+$'}", "'\u0661\u0662'")).isTrue();
  }
}
