package io.chaosfn.experiment.tolerance;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a regular expression written for Python's {@code re} (Chaos Toolkit's regex tolerance) into a
 * {@link Pattern} that matches the same strings, translating the constructs whose spelling or meaning differs:
 * named groups {@code (?P<name>...)} and back-references {@code (?P=name)}, comments {@code (?#...)}, {@code \Z},
 * {@code {,n}}, a brace that is not a quantifier (a literal in Python, an error in Java), and {@code [}, {@code &}
 * and a leading {@code ]} inside a character class (literals in Python, nested classes or intersections in
 * Java). Flags make {@code \d \w \s \b} Unicode-aware and {@code . ^ $} see only {@code \n} as a line end, as
 * Python does for string patterns. docs/compatibility.md lists what is not translated.
 */
final class PythonRegex {
  private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;

  private final String source;
  private final StringBuilder out = new StringBuilder();
  private final Map<String, String> groupNames = new HashMap<>();
  private int position;

  private PythonRegex(String source) {
    this.source = source;
  }

  /** Compiles {@code python}; the exception's description says what is wrong, in Java's or Python's words. */
  static Pattern compile(String python) {
    return Pattern.compile(translate(python), FLAGS);
  }

  static String translate(String python) {
    PythonRegex regex = new PythonRegex(python);
    regex.translateAll();
    return regex.out.toString();
  }

  private void translateAll() {
    while (position < source.length()) {
      char c = source.charAt(position);
      if (c == '\\') {
        escape(false);
      } else if (c == '[') {
        characterClass();
      } else if (c == '(' && source.startsWith("(?P<", position)) {
        namedGroup();
      } else if (c == '(' && source.startsWith("(?P=", position)) {
        backReference();
      } else if (c == '(' && source.startsWith("(?#", position)) {
        comment();
      } else if (c == '{') {
        brace();
      } else if (c == '}') {
        out.append("\\}");
        position++;
      } else {
        out.append(c);
        position++;
      }
    }
  }

  private void escape(boolean inClass) {
    if (position + 1 >= source.length()) {
      throw error("bad escape (end of pattern)");
    }
    char next = source.charAt(position + 1);
    if (!inClass && next == 'Z') {
      // Python's \Z is the very end of the string, which is Java's \z (Java's \Z allows a final newline).
      out.append("\\z");
    } else if (inClass && next == 'b') {
      // Inside a class Python reads \b as a backspace; Java rejects it.
      out.append("\\x08");
    } else if (next == 'N' && source.startsWith("{", position + 2) && source.indexOf('}', position) > 0) {
      // A named character, \N{DIGIT ONE}: both engines know it; its braces are not a quantifier.
      int end = source.indexOf('}', position);
      out.append(source, position, end + 1);
      position = end + 1;
      return;
    } else {
      out.append('\\').append(next);
    }
    position += 2;
  }

  private void characterClass() {
    int start = position;
    out.append('[');
    position++;
    if (position < source.length() && source.charAt(position) == '^') {
      out.append('^');
      position++;
    }
    boolean first = true;
    while (position < source.length()) {
      char c = source.charAt(position);
      if (c == ']' && !first) {
        out.append(']');
        position++;
        return;
      }
      if (c == '\\') {
        escape(true);
      } else {
        // A leading ']', a '[' and '&' are literals in Python; Java would read a nested class or an intersection.
        out.append(c == ']' || c == '[' || c == '&' ? "\\" + c : String.valueOf(c));
        position++;
      }
      first = false;
    }
    throw new PatternSyntaxException("unterminated character set", source, start);
  }

  private void namedGroup() {
    int start = position;
    position += "(?P<".length();
    String name = name('>');
    if (groupNames.containsKey(name)) {
      throw new PatternSyntaxException("redefinition of group name '" + name + "'", source, start);
    }
    // Java group names allow only ASCII letters and digits, so every Python name gets a generated one.
    String javaName = "g" + groupNames.size();
    groupNames.put(name, javaName);
    out.append("(?<").append(javaName).append('>');
  }

  private void backReference() {
    int start = position;
    position += "(?P=".length();
    String name = name(')');
    String javaName = groupNames.get(name);
    if (javaName == null) {
      throw new PatternSyntaxException("unknown group name '" + name + "'", source, start);
    }
    out.append("\\k<").append(javaName).append('>');
  }

  private String name(char terminator) {
    int end = source.indexOf(terminator, position);
    if (end < 0) {
      throw error("missing " + terminator + ", unterminated name");
    }
    String name = source.substring(position, end);
    if (!isIdentifier(name)) {
      throw error("bad character in group name '" + name + "'");
    }
    position = end + 1;
    return name;
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty() || !(Character.isLetter(name.codePointAt(0)) || name.charAt(0) == '_')) {
      return false;
    }
    return name.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
  }

  private void comment() {
    int end = source.indexOf(')', position);
    if (end < 0) {
      throw error("missing ), unterminated comment");
    }
    position = end + 1;
  }

  /**
   * Python reads {@code {m}}, {@code {m,}}, {@code {,n}}, {@code {m,n}} as quantifiers and any other brace as a
   * literal.
   */
  private void brace() {
    int cursor = position + 1;
    int lowStart = cursor;
    cursor = skipDigits(cursor);
    String low = source.substring(lowStart, cursor);
    String high = null;
    if (cursor < source.length() && source.charAt(cursor) == ',') {
      int highStart = cursor + 1;
      cursor = skipDigits(highStart);
      high = source.substring(highStart, cursor);
    }
    boolean closed = cursor < source.length() && source.charAt(cursor) == '}';
    if (!closed || (low.isEmpty() && high == null)) {
      out.append("\\{");
      position++;
      return;
    }
    out.append('{').append(low.isEmpty() ? "0" : low);
    if (high != null) {
      out.append(',').append(high);
    }
    out.append('}');
    position = cursor + 1;
  }

  private int skipDigits(int from) {
    int cursor = from;
    while (cursor < source.length() && source.charAt(cursor) >= '0' && source.charAt(cursor) <= '9') {
      cursor++;
    }
    return cursor;
  }

  private PatternSyntaxException error(String description) {
    return new PatternSyntaxException(description, source, position);
  }
}
