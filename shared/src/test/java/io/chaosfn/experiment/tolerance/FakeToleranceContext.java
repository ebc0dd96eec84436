package io.chaosfn.experiment.tolerance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test double of the engine's side of {@link ToleranceContext}: the engine is built elsewhere, so this one
 * substitutes {@code ${name}} from a map (a whole-string reference keeps the variable's type, as Chaos Toolkit
 * does) and runs a probe-tolerance with a function of the probe, recording each probe it was given.
 */
final class FakeToleranceContext implements ToleranceContext {
  private final Map<String, JsonNode> variables = new HashMap<>();
  private final List<ObjectNode> probesRun = new ArrayList<>();
  private Function<ObjectNode, JsonNode> probeRunner = probe -> {
    throw new AssertionError("no probe expected");
  };

  FakeToleranceContext with(String name, JsonNode value) {
    variables.put(name, value);
    return this;
  }

  FakeToleranceContext runningProbesWith(Function<ObjectNode, JsonNode> runner) {
    this.probeRunner = runner;
    return this;
  }

  List<ObjectNode> probesRun() {
    return probesRun;
  }

  @Override
  public JsonNode substitute(JsonNode node) {
    if (node.isString()) {
      String text = node.stringValue();
      for (Map.Entry<String, JsonNode> variable : variables.entrySet()) {
        String reference = "${" + variable.getKey() + "}";
        if (text.equals(reference)) {
          return variable.getValue();
        }
        text = text.replace(reference, variable.getValue().asString());
      }
      return JsonNodeFactory.instance.stringNode(text);
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.values().forEach(item -> copy.add(substitute(item)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.properties().forEach(entry -> copy.set(entry.getKey(), substitute(entry.getValue())));
      return copy;
    }
    return node;
  }

  @Override
  public JsonNode runProbe(ObjectNode probe) {
    probesRun.add(probe);
    return probeRunner.apply(probe);
  }
}
