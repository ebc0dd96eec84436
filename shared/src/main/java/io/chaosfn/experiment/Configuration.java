package io.chaosfn.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolves an experiment's {@code configuration} block (§1.9). Each value is a literal (kept as written, nested
 * objects included), an {@code env} declaration (read from the given environment, with {@code default} and
 * {@code env_var_type}), a dynamic {@code probe} declaration (left to the engine), or an object with another
 * {@code type} (kept whole).
 *
 * <p>Overrides from {@code --var} and var files apply only to keys the experiment declares (§3.9), and replace
 * the whole declaration, which may itself be an {@code env} or {@code probe} declaration. Undeclared override
 * keys are dropped, as Chaos Toolkit does.
 */
public final class Configuration {
  static final String TYPE = "type";

  private Configuration() {}

  /**
   * @param declarations the document's {@code configuration} object; null means none
   * @param overrides configuration values from vars; null means none
   * @param env the environment {@code env} declarations may read (never the process's implicitly)
   * @throws InvalidExperimentException with every problem, each at {@code configuration.<key>}
   */
  public static ResolvedConfiguration resolve(
      ObjectNode declarations, ObjectNode overrides, Map<String, String> env) {
    Problems problems = new Problems();
    ResolvedConfiguration resolved = resolve(declarations, overrides, env, problems);
    if (!problems.isEmpty()) {
      throw new InvalidExperimentException(problems.list());
    }
    return resolved;
  }

  /**
   * Reports what {@link #resolve} would refuse, without vars, as Chaos Toolkit's validation loads the
   * configuration (§2.1 step 6).
   *
   * @param problems positioned at the document root; problems are added at {@code configuration.<key>}
   */
  public static void validate(ObjectNode declarations, Map<String, String> env, Problems problems) {
    resolve(declarations, null, env, problems);
  }

  private static ResolvedConfiguration resolve(
      ObjectNode declarations, ObjectNode overrides, Map<String, String> env, Problems root) {
    ObjectNode values = JsonNodeFactory.instance.objectNode();
    List<DynamicConfiguration> dynamic = new ArrayList<>();
    if (declarations == null) {
      return new ResolvedConfiguration(values, dynamic);
    }
    Problems problems = root.at("configuration");
    for (Map.Entry<String, JsonNode> entry : declarations.properties()) {
      String key = entry.getKey();
      JsonNode declaration =
          overrides != null && overrides.has(key) ? overrides.get(key) : entry.getValue();
      String type = typeOf(declaration);
      if ("env".equals(type)) {
        fromEnvironment((ObjectNode) declaration, env, problems.at(key)).ifPresent(v -> values.set(key, v));
      } else if ("probe".equals(type)) {
        dynamic.add(new DynamicConfiguration(key, (ObjectNode) declaration));
      } else {
        values.set(key, declaration.deepCopy());
      }
    }
    return new ResolvedConfiguration(values, dynamic);
  }

  /** The string {@code type} of a declaration object, or null for literals. */
  static String typeOf(JsonNode declaration) {
    if (!declaration.isObject() || !declaration.path(TYPE).isString()) {
      return null;
    }
    return declaration.get(TYPE).asString();
  }

  /** The {@code key} of an env declaration, or empty after reporting why there is none. */
  static Optional<String> environmentKey(ObjectNode declaration, Problems problems) {
    JsonNode key = declaration.path("key");
    if (!key.isString() || key.asString().isEmpty()) {
      problems.add("an env declaration requires a `key` string naming the environment variable");
      return Optional.empty();
    }
    return Optional.of(key.asString());
  }

  private static Optional<JsonNode> fromEnvironment(ObjectNode declaration, Map<String, String> env, Problems problems) {
    Optional<String> name = environmentKey(declaration, problems);
    Optional<ValueType> type = valueType(declaration.path("env_var_type"), problems);
    if (name.isEmpty() || type.isEmpty()) {
      return Optional.empty();
    }
    String text = env.get(name.get());
    if (text == null && !declaration.has("default")) {
      problems.add(
          "Configuration makes reference to an environment key that does not exist: " + name.get());
      return Optional.empty();
    }
    if (text == null) {
      JsonNode fallback = declaration.get("default");
      if (!fallback.isString()) {
        return Optional.of(fallback.deepCopy());
      }
      text = fallback.asString();
    }
    try {
      return Optional.of(type.get().convert(text));
    } catch (IllegalArgumentException e) {
      problems.add("the value of " + name.get() + " is not a valid " + declaration.path("env_var_type").asString()
          + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<ValueType> valueType(JsonNode node, Problems problems) {
    if (node.isMissingNode() || node.isNull()) {
      return Optional.of(ValueType.STR);
    }
    Optional<ValueType> type = node.isString() ? ValueType.named(node.asString()) : Optional.empty();
    if (type.isEmpty()) {
      problems.add("env_var_type " + node + " is not supported; use one of " + ValueType.NAMES);
    }
    return type;
  }
}
