package io.chaosfn.activity;

import static io.chaosfn.activity.ProviderFields.describe;
import static io.chaosfn.activity.ProviderFields.isPlaceholder;

import io.chaosfn.experiment.Problems;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chaos Toolkit's {@code python} provider (semantics §1.4, §2.3), resolved through the registry of native
 * activities: {@code module} + {@code func} name a Java implementation instead of a Python function. Any
 * unexpected exception of the activity fails it as {@code "<ExceptionType>: <message>"}, as Chaos Toolkit
 * renders a Python exception; it never escapes into the run.
 */
public final class PythonProvider implements ActivityProvider {
  private final ActivityRegistry registry;

  public PythonProvider(ActivityRegistry registry) {
    this.registry = registry;
  }

  @Override
  public String type() {
    return "python";
  }

  @Override
  public void validate(
      ObjectNode provider, String activityName, String activityType, JsonNode extension, Problems problems) {
    String module = requiredName(provider.get("module"), "a Python activity must have a module path",
        problems.at("module"));
    String func = requiredName(provider.get("func"), "a Python activity must have a function name",
        problems.at("func"));
    JsonNode arguments = provider.get("arguments");
    boolean argumentsUsable = arguments == null || arguments.isNull() || arguments.isObject();
    if (!argumentsUsable && !isPlaceholder(arguments)) {
      problems.at("arguments").add("expected an object of keyword arguments, found " + describe(arguments));
    }
    JsonNode secrets = provider.get("secrets");
    if (secrets != null && !secrets.isNull() && !isListOfStrings(secrets)) {
      problems.at("secrets").add("expected a list of secret scope names, found " + describe(secrets));
    }
    if (module != null && func != null && argumentsUsable) {
      registry.validate(module, func, arguments instanceof ObjectNode object ? object : null, extension,
          activityName, problems);
    }
  }

  private static String requiredName(JsonNode node, String missing, Problems problems) {
    if (node == null || node.isNull() || (node.isString() && node.stringValue().isEmpty())) {
      problems.add(missing);
      return null;
    }
    if (!node.isString()) {
      problems.add("expected a string, found " + describe(node));
      return null;
    }
    return node.stringValue();
  }

  private static boolean isListOfStrings(JsonNode node) {
    if (!node.isArray()) {
      return false;
    }
    for (JsonNode element : node.values()) {
      if (!element.isString()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public JsonNode run(ObjectNode provider, ActivityContext context) {
    String module = provider.path("module").asString("");
    String func = provider.path("func").asString("");
    NativeActivity activity = registry.find(module, func).orElseThrow(() -> new ActivityFailedException(
        "no native activity for Python function '" + module + "." + func + "'"));
    JsonNode given = provider.get("arguments");
    ObjectNode arguments = given instanceof ObjectNode object
        ? object.deepCopy()
        : JsonNodeFactory.instance.objectNode();
    if (context.dry()) {
      activity.dryRun(arguments, context);
      return NullNode.getInstance();
    }
    try {
      JsonNode output = activity.call(arguments, context);
      return output == null ? NullNode.getInstance() : output;
    } catch (ActivityFailedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ActivityFailedException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
