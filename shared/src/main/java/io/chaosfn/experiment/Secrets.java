package io.chaosfn.experiment;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolves an experiment's {@code secrets} block (§1.10): scope → object of key → value, where a value is
 * inline, an {@code env} declaration (no default, no conversion), or an object without an env/vault type whose
 * values are resolved the same way at any depth.
 *
 * <p>Overrides from var files replace a whole scope (§3.9), and only scopes the experiment declares.
 */
public final class Secrets {
  private Secrets() {}

  /**
   * @param declarations the document's {@code secrets} object; null means none
   * @param overrides var-file secrets, scope → object; null means none
   * @param env the environment {@code env} declarations may read
   * @throws InvalidExperimentException with every problem, each at {@code secrets.<scope>.<key>}
   */
  public static ObjectNode resolve(ObjectNode declarations, ObjectNode overrides, Map<String, String> env) {
    Problems problems = new Problems();
    ObjectNode resolved = resolve(declarations, overrides, env, problems);
    if (!problems.isEmpty()) {
      throw new InvalidExperimentException(problems.list());
    }
    return resolved;
  }

  /**
   * Reports what {@link #resolve} would refuse, without vars (§2.1 step 7).
   *
   * @param problems positioned at the document root; problems are added at {@code secrets.<scope>.<key>}
   */
  public static void validate(ObjectNode declarations, Map<String, String> env, Problems problems) {
    resolve(declarations, null, env, problems);
  }

  private static ObjectNode resolve(
      ObjectNode declarations, ObjectNode overrides, Map<String, String> env, Problems root) {
    ObjectNode resolved = JsonNodeFactory.instance.objectNode();
    if (declarations == null) {
      return resolved;
    }
    Problems problems = root.at("secrets");
    for (Map.Entry<String, JsonNode> scope : declarations.properties()) {
      String name = scope.getKey();
      JsonNode entries = overrides != null && overrides.has(name) ? overrides.get(name) : scope.getValue();
      if (!entries.isObject()) {
        problems.at(name).add("a secret scope must be an object of names to secrets, found " + JsonKind.of(entries));
        continue;
      }
      resolved.set(name, resolveObject((ObjectNode) entries, env, problems.at(name)));
    }
    return resolved;
  }

  private static ObjectNode resolveObject(ObjectNode entries, Map<String, String> env, Problems problems) {
    ObjectNode resolved = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> entry : entries.properties()) {
      resolveValue(entry.getValue(), env, problems.at(entry.getKey()))
          .ifPresent(value -> resolved.set(entry.getKey(), value));
    }
    return resolved;
  }

  private static Optional<JsonNode> resolveValue(JsonNode value, Map<String, String> env, Problems problems) {
    String type = Configuration.typeOf(value);
    if ("env".equals(type)) {
      Optional<String> name = Configuration.environmentKey((ObjectNode) value, problems);
      String text = name.map(env::get).orElse(null);
      if (name.isPresent() && text == null) {
        problems.add("Secrets make reference to an environment key that does not exist: " + name.get());
      }
      return Optional.ofNullable(text).map(JsonNodeFactory.instance::stringNode);
    }
    if ("vault".equals(type)) {
      // CTK difference: chaosfn has no Vault client; a vault secret is refused instead of fetched.
      problems.add("vault secrets are not supported by chaosfn; declare the secret as {\"type\": \"env\"}");
      return Optional.empty();
    }
    if (value.isObject()) {
      return Optional.of(resolveObject((ObjectNode) value, env, problems));
    }
    return Optional.of(value.deepCopy());
  }
}
