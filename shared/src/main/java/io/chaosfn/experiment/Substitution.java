package io.chaosfn.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chaos Toolkit's {@code ${name}} substitution (§1.11): Python's {@code string.Template.safe_substitute} over
 * the configuration, then every secret scope in declaration order (the first hit wins).
 *
 * <ul>
 *   <li>{@code ${name}} and {@code $name} (ASCII identifiers) are placeholders; {@code $$} is a literal
 *       {@code $}; an unknown name, and a {@code $} that starts neither, are left as written.
 *   <li>A string that is exactly one braced placeholder of a known name becomes that value with its JSON type.
 *   <li>Inside a larger string a value is written as Python's {@code str()} writes it ({@code True}, {@code
 *       None}, {@code {'a': 1}}).
 *   <li>Objects and lists are walked recursively; keys are never substituted.
 * </ul>
 *
 * {@link #apply} builds a new tree and never changes its argument.
 */
public final class Substitution {
  private static final Pattern WHOLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$(?:(\\$)|([A-Za-z_][A-Za-z0-9_]*)|\\{([A-Za-z_][A-Za-z0-9_]*)})");

  private final Map<String, JsonNode> mapping = new LinkedHashMap<>();

  /**
   * @param configuration resolved configuration (key → value); may be null
   * @param secrets resolved secrets (scope → object of key → value); may be null; scopes that are not objects
   *     contribute nothing
   */
  public Substitution(ObjectNode configuration, ObjectNode secrets) {
    if (configuration != null) {
      configuration.properties().forEach(e -> mapping.put(e.getKey(), e.getValue()));
    }
    if (secrets != null) {
      for (JsonNode scope : secrets.values()) {
        if (scope.isObject()) {
          scope.properties().forEach(e -> mapping.putIfAbsent(e.getKey(), e.getValue()));
        }
      }
    }
  }

  /** True when there is nothing to substitute with, so {@link #apply} returns an equal tree. */
  public boolean isEmpty() {
    return mapping.isEmpty();
  }

  /**
   * A copy of a provider object with the fields Chaos Toolkit substitutes replaced (semantics §1.11): an http
   * provider's {@code url}, {@code headers}, {@code timeout} and {@code arguments}, any other provider's
   * {@code arguments}. Never {@code module}, {@code func}, {@code path}, {@code method} or {@code type}.
   */
  public ObjectNode applyToProvider(ObjectNode provider) {
    ObjectNode copy = provider.deepCopy();
    List<String> fields = "http".equals(provider.path("type").asString(""))
        ? List.of("url", "headers", "timeout", "arguments") : List.of("arguments");
    for (String field : fields) {
      if (copy.has(field)) {
        copy.set(field, apply(copy.get(field)));
      }
    }
    return copy;
  }

  /** A new tree with every placeholder in string values replaced; {@code node} is left unchanged. */
  public JsonNode apply(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.properties().forEach(e -> copy.set(e.getKey(), apply(e.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
      node.values().forEach(item -> copy.add(apply(item)));
      return copy;
    }
    if (node.isString()) {
      return substitute(node);
    }
    return node;
  }

  private JsonNode substitute(JsonNode text) {
    String value = text.asString();
    if (value.indexOf('$') < 0) {
      return text;
    }
    Matcher whole = WHOLE.matcher(value);
    if (whole.matches() && mapping.containsKey(whole.group(1))) {
      return mapping.get(whole.group(1)).deepCopy();
    }
    Matcher placeholder = PLACEHOLDER.matcher(value);
    StringBuilder out = new StringBuilder(value.length());
    while (placeholder.find()) {
      placeholder.appendReplacement(out, Matcher.quoteReplacement(replacement(placeholder)));
    }
    placeholder.appendTail(out);
    return JsonNodeFactory.instance.stringNode(out.toString());
  }

  private String replacement(Matcher placeholder) {
    if (placeholder.group(1) != null) {
      return "$";
    }
    String name = placeholder.group(2) != null ? placeholder.group(2) : placeholder.group(3);
    JsonNode value = mapping.get(name);
    return value == null ? placeholder.group() : PythonText.str(value);
  }
}
