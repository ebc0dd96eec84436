package io.chaosfn.functions.cli;

import io.chaosfn.activity.ActivityFailedException;
import io.chaosfn.activity.NativeActivities;
import io.chaosfn.activity.NativeActivity;
import io.chaosfn.activity.Parameter;
import io.chaosfn.compat.StandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import tools.jackson.databind.node.BooleanNode;

/**
 * Test-scope stand-ins (decisions.md §5) for the two Python functions the Chaos Toolkit CLI fixtures call:
 * {@code os.path.exists(path)} and the CLI test suite's {@code tests.fixtures.force_failure.kaboom()}, which raises
 * {@code ActivityFailed}.
 */
final class CliStandIns implements NativeActivities {
  @Override
  public Collection<NativeActivity> activities() {
    return List.of(
        new StandIn("os.path", "exists", List.of(Parameter.required("path")),
            arguments -> BooleanNode.valueOf(Files.exists(Path.of(arguments.get("path").asString())))),
        new StandIn("tests.fixtures.force_failure", "kaboom", List.of(), arguments -> {
          throw new ActivityFailedException("kaboom");
        }));
  }
}
