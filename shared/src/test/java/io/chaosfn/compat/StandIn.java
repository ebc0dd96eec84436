package io.chaosfn.compat;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.activity.Parameter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test-scope stand-in for one Python function that Chaos Toolkit's fixtures call (decisions.md §5). It binds
 * keyword arguments as Python does: an argument the function does not declare is a {@link TypeError}, which the
 * python provider renders as {@code "TypeError: ..."}, as Chaos Toolkit renders the Python exception.
 */
public record StandIn(String module, String func, List<Parameter> parameters, Body body) implements NativeActivity {
  /** The function's behaviour, given its bound arguments. */
  public interface Body {
    JsonNode call(ObjectNode arguments);
  }

  /** Python's {@code TypeError}, named so that its rendering in the journal matches. */
  static final class TypeError extends RuntimeException {
    TypeError(String message) {
      super(message);
    }
  }

  @Override
  public JsonNode call(ObjectNode arguments, ActivityContext context) {
    Set<String> known = parameters.stream().map(Parameter::name).collect(Collectors.toSet());
    for (String name : arguments.propertyNames()) {
      if (!known.contains(name)) {
        throw new TypeError(func + "() got an unexpected keyword argument '" + name + "'");
      }
    }
    return body.call(arguments);
  }
}
