package io.chaosfn.experiment.tolerance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** Python {@code re} spellings that Java spells differently or rejects. */
class PythonRegexTest {
  private static boolean found(String python, String text) {
    return PythonRegex.compile(python).matcher(text).find();
  }

  @Test
  void translate_namedGroup_usesJavaSyntax() {
    assertThat(PythonRegex.translate("(?P<code>\\d+)")).isEqualTo("(?<g0>\\d+)");
  }

  @Test
  void translate_backReference_usesGeneratedName() {
    assertThat(PythonRegex.translate("(?P<a_b>x)(?P=a_b)")).isEqualTo("(?<g0>x)\\k<g0>");
  }

  @Test
  void compile_unknownBackReference_isRejectedWithPythonsReason() {
    assertThatThrownBy(() -> PythonRegex.compile("(?P=nope)"))
        .isInstanceOf(PatternSyntaxException.class)
        .hasMessageContaining("unknown group name 'nope'");
  }

  @Test
  void compile_duplicateGroupName_isRejected() {
    assertThatThrownBy(() -> PythonRegex.compile("(?P<a>x)(?P<a>y)"))
        .isInstanceOf(PatternSyntaxException.class)
        .hasMessageContaining("redefinition of group name 'a'");
  }

  @Test
  void compile_braceThatIsNoQuantifier_isLiteralLikePython() {
    assertThat(found("a{b}", "a{b}")).isTrue();
  }

  @Test
  void compile_unsubstitutedReference_compilesAsPythonDoes() {
    assertThat(PythonRegex.compile("${pattern}").pattern()).isEqualTo("$\\{pattern\\}");
  }

  @Test
  void compile_quantifierWithoutLowerBound_meansZero() {
    assertThat(found("^a{,2}$", "aa")).isTrue();
  }

  @Test
  void compile_quantifierWithoutLowerBound_stillLimitsUpperBound() {
    assertThat(found("^a{,2}$", "aaa")).isFalse();
  }

  @Test
  void compile_capitalZ_doesNotAcceptTrailingNewline() {
    assertThat(found("done\\Z", "done\n")).isFalse();
  }

  @Test
  void compile_comment_isIgnored() {
    assertThat(found("a(?#the letter a)b", "ab")).isTrue();
  }

  @Test
  void compile_openBracketInsideClass_isLiteral() {
    assertThat(found("^[[a]+$", "[a[")).isTrue();
  }

  @Test
  void compile_doubleAmpersandInsideClass_isLiteralNotIntersection() {
    assertThat(found("^[a&&b]+$", "&")).isTrue();
  }

  @Test
  void compile_closingBracketFirstInClass_isLiteral() {
    assertThat(found("^[]a]+$", "]a")).isTrue();
  }

  @Test
  void compile_dot_matchesCarriageReturnLikePython() {
    assertThat(found("^a.b$", "a\rb")).isTrue();
  }

  @Test
  void compile_namedCharacter_keepsItsBraces() {
    assertThat(found("\\N{DIGIT ONE}", "1")).isTrue();
  }

  @Test
  void compile_unterminatedClass_isRejected() {
    assertThatThrownBy(() -> PythonRegex.compile("[0-9"))
        .isInstanceOf(PatternSyntaxException.class)
        .hasMessageContaining("unterminated character set");
  }

  @Test
  void compile_trailingBackslash_isRejected() {
    assertThatThrownBy(() -> PythonRegex.compile("abc\\"))
        .isInstanceOf(PatternSyntaxException.class)
        .hasMessageContaining("bad escape (end of pattern)");
  }
}
