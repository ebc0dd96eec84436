package io.chaosfn.experiment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Suggestions for a misspelt name, so an error says what the user probably meant. */
public final class CloseMatches {
  private static final int MAX_SUGGESTIONS = 3;

  private CloseMatches() {}

  /** {@code "; did you mean 'a', 'b'?"} with the closest candidates by edit distance, or "" when none is close. */
  public static String suggest(String name, Collection<String> candidates) {
    List<String> close = candidates.stream()
        .map(c -> Map.entry(c, distance(name.toLowerCase(), c.toLowerCase())))
        .filter(e -> e.getValue() <= Math.max(2, name.length() / 3))
        .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_SUGGESTIONS)
        .map(e -> "'" + e.getKey() + "'")
        .collect(Collectors.toList());
    return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
