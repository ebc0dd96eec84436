package io.chaosfn.functions.cli;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.activity.NativeActivities;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.activity.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test-scope stand-ins (decisions.md §5) for the two Python functions the Chaos Toolkit CLI fixtures call:
 * {@code os.path.exists(path)} and the CLI test suite's {@code tests.fixtures.force_failure.kaboom()}, which raises
 * {@code ActivityFailed}.
 */
final class CliStandIns implements NativeActivities {
  @Override
  public Collection<NativeActivity> activities() {
    return List.of(new Function("os.path", "exists", List.of(Parameter.required("path"))) {
      @Override
      public JsonNode call(ObjectNode arguments, ActivityContext context) {
        return BooleanNode.valueOf(Files.exists(Path.of(arguments.get("path").asString())));
      }
    }, new Function("tests.fixtures.force_failure", "kaboom", List.of()) {
      @Override
      public JsonNode call(ObjectNode arguments, ActivityContext context) {
        throw new ActivityFailedException("kaboom");
      }
    });
  }

  private abstract static class Function implements NativeActivity {
    private final String module;
    private final String func;
    private final List<Parameter> parameters;

    Function(String module, String func, List<Parameter> parameters) {
      this.module = module;
      this.func = func;
      this.parameters = parameters;
    }

    @Override
    public String module() {
      return module;
    }

    @Override
    public String func() {
      return func;
    }

    @Override
    public List<Parameter> parameters() {
      return parameters;
    }
  }
}
