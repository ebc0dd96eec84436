package io.chaosfn.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Kubernetes label selector string ({@code app=web,tier!=cache,env in (prod,staging),!canary}) parsed so that
 * pods returned by the API server can be checked client-side. The server is trusted to filter, never to be right:
 * a server that ignores part of a selector (the fabric8 mock ignores set-based requirements) would otherwise
 * widen what an action deletes.
 */
public record LabelSelector(String text, List<Requirement> requirements) {
  public LabelSelector {
    Objects.requireNonNull(text, "text");
    requirements = List.copyOf(requirements);
  }

  /** The selector that matches every object (no selector given). */
  public static LabelSelector everything() {
    return new LabelSelector("", List.of());
  }

  /**
   * Parses the selector syntax of the Kubernetes API: comma-separated requirements, each {@code k=v},
   * {@code k==v}, {@code k!=v}, {@code k}, {@code !k}, {@code k in (a,b)} or {@code k notin (a,b)}.
   *
   * @throws IllegalArgumentException naming the requirement that is not understood
   */
  public static LabelSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return everything();
    }
    List<Requirement> requirements = new ArrayList<>();
    for (String part : splitTopLevel(text)) {
      requirements.add(Requirement.parse(part.trim(), text));
    }
    return new LabelSelector(text, requirements);
  }

  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** True when every requirement holds for {@code labels} (a missing label map counts as empty). */
  public boolean matches(Map<String, String> labels) {
    Map<String, String> present = labels == null ? Map.of() : labels;
    return requirements.stream().allMatch(r -> r.matches(present));
  }

  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  /** The operators of the selector grammar. */
  public enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

  /** One requirement: a key, an operator and the values it compares with (empty for the existence tests). */
  public record Requirement(String key, Operator operator, Set<String> values) {
    public Requirement {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(operator, "operator");
      values = Set.copyOf(values);
    }

    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      switch (operator) {
        case EQUALS:
        case IN:
          return value != null && values.contains(value);
        case NOT_EQUALS:
        case NOT_IN:
          return value == null || !values.contains(value);
        case EXISTS:
          return value != null;
        default:
          return value == null;
      }
    }

    static Requirement parse(String part, String whole) {
      if (part.isEmpty()) {
        throw invalid(part, whole);
      }
      String[] words = part.split("\\s+", 2);
      if (words.length == 2 && words[1].matches("(?s)(in|notin)\\s*\\(.*\\)")) {
        boolean in = words[1].startsWith("in");
        String list = words[1].substring(words[1].indexOf('(') + 1, words[1].lastIndexOf(')'));
        Set<String> values = new java.util.TreeSet<>();
        for (String v : list.split(",")) {
          if (v.isBlank()) {
            throw invalid(part, whole);
          }
          values.add(v.trim());
        }
        return new Requirement(key(words[0], part, whole), in ? Operator.IN : Operator.NOT_IN, values);
      }
      int notEquals = part.indexOf("!=");
      if (notEquals > 0) {
        return binary(part, whole, notEquals, 2, Operator.NOT_EQUALS);
      }
      int doubleEquals = part.indexOf("==");
      if (doubleEquals > 0) {
        return binary(part, whole, doubleEquals, 2, Operator.EQUALS);
      }
      int equals = part.indexOf('=');
      if (equals > 0) {
        return binary(part, whole, equals, 1, Operator.EQUALS);
      }
      if (part.startsWith("!")) {
        return new Requirement(key(part.substring(1), part, whole), Operator.DOES_NOT_EXIST, Set.of());
      }
      return new Requirement(key(part, part, whole), Operator.EXISTS, Set.of());
    }

    private static Requirement binary(String part, String whole, int at, int width, Operator operator) {
      String value = part.substring(at + width).trim();
      if (value.contains("=") || value.contains(" ")) {
        throw invalid(part, whole);
      }
      return new Requirement(key(part.substring(0, at), part, whole), operator, Set.of(value));
    }

    private static String key(String candidate, String part, String whole) {
      String key = candidate.trim();
      if (!key.matches("[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?")) {
        throw invalid(part, whole);
      }
      return key;
    }

    private static IllegalArgumentException invalid(String part, String whole) {
      return new IllegalArgumentException(
          "label selector '" + whole + "' has a requirement that is not understood: '" + part + "'");
    }
  }
}
