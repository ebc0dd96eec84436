package io.chaosfn.experiment;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces resolved secret values with {@code ***} in text and trees bound for journals, logs and output.
 *
 * <p>CTK difference: Chaos Toolkit writes inline secrets into the journal and lets activity output echo
 * secret values; chaosfn never does. Only string values of at least {@link #MIN_SECRET_LENGTH} characters are
 * masked: masking {@code "1"} or {@code "no"} wherever it appears would garble every output while hiding
 * nothing worth hiding, and numbers and booleans are not secrets anyone can mistake.
 */
public final class SecretMasker {
  public static final String MASK = "***";
  public static final int MIN_SECRET_LENGTH = 4;

  private final List<String> secrets;

  /** @param resolvedSecrets scope → object of resolved secrets, as {@link Secrets#resolve} returns */
  public SecretMasker(ObjectNode resolvedSecrets) {
    Set<String> values = new LinkedHashSet<>();
    collect(resolvedSecrets, values);
    // Longest first, so a secret that contains another is masked whole.
    this.secrets = values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  private static void collect(JsonNode node, Set<String> values) {
    if (node == null) {
      return;
    }
    if (node.isString() && node.asString().length() >= MIN_SECRET_LENGTH) {
      values.add(node.asString());
    }
    node.values().forEach(child -> collect(child, values));
  }

  public String mask(String text) {
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }

  /** A new tree with every string value masked; keys and {@code node} itself are left unchanged. */
  public JsonNode mask(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.properties().forEach(e -> copy.set(e.getKey(), mask(e.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
      node.values().forEach(item -> copy.add(mask(item)));
      return copy;
    }
    return node.isString() ? JsonNodeFactory.instance.stringNode(mask(node.asString())) : node;
  }

  /**
   * A copy of an experiment whose {@code secrets} block shows no value: every inline secret (at any depth)
   * becomes {@code ***}, while {@code env} and {@code vault} declarations, which hold only names, keep their
   * shape. The argument is not changed.
   */
  public static ObjectNode maskSecretsSection(ObjectNode experimentCopy) {
    ObjectNode copy = experimentCopy.deepCopy();
    JsonNode secrets = copy.path("secrets");
    if (secrets.isObject()) {
      ObjectNode masked = JsonNodeFactory.instance.objectNode();
      secrets.properties().forEach(scope -> masked.set(scope.getKey(), maskDeclaration(scope.getValue(), true)));
      copy.set("secrets", masked);
    }
    return copy;
  }

  private static JsonNode maskDeclaration(JsonNode value, boolean isScope) {
    String type = Configuration.typeOf(value);
    if (!isScope && ("env".equals(type) || "vault".equals(type))) {
      return value;
    }
    if (value.isObject()) {
      ObjectNode masked = JsonNodeFactory.instance.objectNode();
      value.properties().forEach(e -> masked.set(e.getKey(), maskDeclaration(e.getValue(), false)));
      return masked;
    }
    return value.isNull() ? value : JsonNodeFactory.instance.stringNode(MASK);
  }
}
