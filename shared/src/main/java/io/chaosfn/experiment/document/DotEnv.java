package io.chaosfn.experiment.document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.chaosfn.experiment.InvalidExperimentException;
import io.chaosfn.experiment.Problem;

/**
 * A {@code .env} var file: {@code KEY=VALUE} lines, {@code #} comments and blank lines ignored, an optional
 * {@code export } prefix, values optionally in single or double quotes (double quotes understand {@code \n},
 * {@code \"} and {@code \\}), and an unquoted value ending at {@code " #"}. Messages give line numbers, never
 * the line: it may hold a secret.
 */
final class DotEnv {
  private static final Pattern LINE =
      Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*)");

  private DotEnv() {}

  static Map<String, String> parse(byte[] bytes, String origin) {
    Map<String, String> entries = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      String value = m.matches() ? value(m.group(2)) : null;
      if (value == null) {
        problems.add(new Problem("", origin + ": line " + (i + 1) + ": expected KEY=VALUE"));
      } else {
        entries.put(m.group(1), value);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidExperimentException(problems);
    }
    return entries;
  }

  /** The value, or null when a quote is not closed. */
  private static String value(String raw) {
    if (raw.startsWith("'") || raw.startsWith("\"")) {
      char quote = raw.charAt(0);
      int end = raw.indexOf(quote, 1);
      while (quote == '"' && end > 0 && raw.charAt(end - 1) == '\\') {
        end = raw.indexOf(quote, end + 1);
      }
      if (end < 0) {
        return null;
      }
      String inner = raw.substring(1, end);
      return quote == '"' ? inner.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\") : inner;
    }
    int comment = raw.indexOf(" #");
    return (comment < 0 ? raw : raw.substring(0, comment)).strip();
  }
}
