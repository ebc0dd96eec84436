package io.chaosfn.functions.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** sam-template.yaml as maps and lists, with the lookups the contract test needs. */
final class SamTemplate {
  static final String FUNCTION = "AWS::Serverless::Function";

  private final Map<String, Object> root;

  private SamTemplate(Map<String, Object> root) {
    this.root = root;
  }

  /** The template at the repository root ({@code chaosfn.root}, set by surefire). */
  static SamTemplate atRepositoryRoot() {
    String repository = System.getProperty("chaosfn.root");
    if (repository == null) {
      throw new IllegalStateException("system property chaosfn.root (the repository root) is not set; "
          + "Maven's surefire sets it");
    }
    return new SamTemplate(CloudFormationYaml.read(Path.of(repository, "sam-template.yaml")));
  }

  Map<String, Map<String, Object>> resources() {
    return map(root.get("Resources"));
  }

  Set<String> names(String section) {
    return root.containsKey(section) ? map(root.get(section)).keySet() : Set.of();
  }

  Map<String, Object> properties(String resource) {
    return map(resources().get(resource).getOrDefault("Properties", Map.of()));
  }

  /** The functions' logical ids, in template order. */
  List<String> functions() {
    return resources().entrySet().stream().filter(e -> FUNCTION.equals(e.getValue().get("Type")))
        .map(Map.Entry::getKey).toList();
  }

  /** A function's property, or the Globals one when it has none. */
  Object functionProperty(String function, String name) {
    Object own = properties(function).get(name);
    return own != null ? own : globals().get(name);
  }

  /** The function's environment: the Globals variables overlaid with its own. */
  Map<String, Object> environment(String function) {
    Map<String, Object> variables = new LinkedHashMap<>(variables(globals()));
    variables.putAll(variables(properties(function)));
    return variables;
  }

  /** Every action of the function's inline policy statements, its {@code !If} branches included. */
  Set<String> policyActions(String function) {
    Set<String> actions = new LinkedHashSet<>();
    Object policies = properties(function).get("Policies");
    for (Object policy : policies instanceof List<?> list ? list : List.of()) {
      collectActions(policy, actions);
    }
    return actions;
  }

  /** Every value under a key named {@code key}, anywhere below {@code node}. */
  static List<Object> valuesOf(Object node, String key) {
    List<Object> found = new ArrayList<>();
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        if (key.equals(k)) {
          found.add(v);
        }
        found.addAll(valuesOf(v, key));
      });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> found.addAll(valuesOf(item, key)));
    }
    return found;
  }

  Map<String, Object> root() {
    return root;
  }

  private Map<String, Object> globals() {
    return map(map(root.getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of()));
  }

  private static Map<String, Object> variables(Map<String, Object> properties) {
    Map<String, Object> environment = map(properties.getOrDefault("Environment", Map.of()));
    return map(environment.getOrDefault("Variables", Map.of()));
  }

  private static void collectActions(Object policy, Set<String> actions) {
    for (Object statement : valuesOf(policy, "Statement")) {
      for (Object entry : statement instanceof List<?> list ? list : List.of(statement)) {
        Object action = entry instanceof Map<?, ?> map ? map.get("Action") : null;
        if (action instanceof String single) {
          actions.add(single);
        } else if (action instanceof List<?> many) {
          many.forEach(a -> actions.add(String.valueOf(a)));
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  static <V> Map<String, V> map(Object node) {
    return node instanceof Map<?, ?> map ? (Map<String, V>) map : Map.of();
  }
}
