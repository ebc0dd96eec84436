package io.chaosfn.engine;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.activity.ActivityProvider;
import io.chaosfn.experiment.Problems;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test-only {@code python} provider whose functions are scripted by the test: the engine is tested without
 * any real provider. Records every call in order.
 */
final class ScriptedProvider implements ActivityProvider {
  private final Map<String, BiFunction<ObjectNode, ActivityContext, JsonNode>> functions = new ConcurrentHashMap<>();
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<ActivityContext> contexts = new CopyOnWriteArrayList<>();

  ScriptedProvider returns(String func, JsonNode output) {
    functions.put(func, (arguments, context) -> output);
    return this;
  }

  ScriptedProvider fails(String func, String message) {
    functions.put(func, (arguments, context) -> {
      throw new ActivityFailedException(message);
    });
    return this;
  }

  ScriptedProvider does(String func, BiFunction<ObjectNode, ActivityContext, JsonNode> body) {
    functions.put(func, body);
    return this;
  }

  @Override
  public String type() {
    return "python";
  }

  @Override
  public void validate(ObjectNode provider, String activityName, String activityType, JsonNode extension,
      Problems problems) {
    if (provider.path("func").asString("").isEmpty()) {
      problems.at("func").add("a scripted activity needs a func");
    }
  }

  @Override
  public JsonNode run(ObjectNode provider, ActivityContext context) {
    String func = provider.path("func").asString("");
    calls.add(func + (context.dry() ? " (dry)" : ""));
    contexts.add(context);
    if (context.dry()) {
      return null;
    }
    BiFunction<ObjectNode, ActivityContext, JsonNode> body = functions.get(func);
    ObjectNode arguments = provider.path("arguments").isObject() ? (ObjectNode) provider.get("arguments")
        : provider.objectNode();
    return body == null ? BooleanNode.TRUE : body.apply(arguments, context);
  }
}
