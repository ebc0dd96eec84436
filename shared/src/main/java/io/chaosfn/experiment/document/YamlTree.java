package io.chaosfn.experiment.document;

import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns what {@link JsonSafeConstructor} built into a Jackson tree, bounding what aliases may cost. SnakeYAML's
 * alias limit counts aliases, not what they expand to: 25 levels of {@code [*a, *a]} stay under 50 aliases and
 * still describe 2^25 leaves. The graph is shared in SnakeYAML's objects but becomes a real tree here, so every
 * node reached again through an alias is charged to a budget, and the tree's depth is capped like the
 * document's own nesting.
 */
final class YamlTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final int maxDepth;
  private int aliasBudget;
  private final Set<Object> converted = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Object> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

  private YamlTree(int maxDepth, int aliasBudget) {
    this.maxDepth = maxDepth;
    this.aliasBudget = aliasBudget;
  }

  /**
   * @throws IllegalArgumentException with a user message when a limit is passed, an alias is recursive, or a
   *     mapping key is itself a collection
   */
  static JsonNode toTree(Object value, int maxDepth, int maxAliasExpansion) {
    return new YamlTree(maxDepth, maxAliasExpansion).convert(value, 0, false);
  }

  private JsonNode convert(Object value, int depth, boolean viaAlias) {
    if (viaAlias && --aliasBudget < 0) {
      throw new IllegalArgumentException("aliases expand to too many nodes (an alias bomb?)");
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return convertCollection(value, depth, viaAlias);
    }
    return scalar(value);
  }

  private JsonNode convertCollection(Object collection, int depth, boolean viaAlias) {
    if (depth >= maxDepth) {
      throw new IllegalArgumentException("nesting deeper than " + maxDepth + " levels");
    }
    if (inProgress.contains(collection)) {
      throw new IllegalArgumentException("an alias refers to a collection that contains it (recursive alias)");
    }
    boolean again = viaAlias || !converted.add(collection);
    inProgress.add(collection);
    try {
      return collection instanceof Map<?, ?> map ? object(map, depth, again) : array((List<?>) collection, depth, again);
    } finally {
      inProgress.remove(collection);
    }
  }

  private ObjectNode object(Map<?, ?> map, int depth, boolean viaAlias) {
    ObjectNode node = NODES.objectNode();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = key(entry.getKey());
      if (node.has(key)) {
        throw new IllegalArgumentException("duplicate key '" + key + "'");
      }
      node.set(key, convert(entry.getValue(), depth + 1, viaAlias));
    }
    return node;
  }

  private ArrayNode array(List<?> list, int depth, boolean viaAlias) {
    ArrayNode node = NODES.arrayNode(list.size());
    for (Object item : list) {
      node.add(convert(item, depth + 1, viaAlias));
    }
    return node;
  }

  /** Keys as Python's json.dump writes the keys PyYAML builds: scalars become their JSON text. */
  private static String key(Object key) {
    if (key instanceof Map<?, ?> || key instanceof List<?>) {
      throw new IllegalArgumentException("a mapping key must be a string, a number, a boolean or null");
    }
    return key instanceof String s ? s : scalar(key).toString();
  }

  private static JsonNode scalar(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String s) {
      return NODES.stringNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i.intValue());
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l.longValue());
    }
    if (value instanceof BigInteger big) {
      return NODES.numberNode(big);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d.doubleValue());
    }
    throw new IllegalArgumentException("a value of type " + value.getClass().getSimpleName() + " has no JSON form");
  }
}
