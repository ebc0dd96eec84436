package io.chaosfn.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.chaosfn.experiment.Problem;
import io.chaosfn.experiment.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/** How the registry reports names it does not run: unknown, or known but not supported yet. */
class ActivityRegistryTest {
  /** A native activity written for this test: does nothing and returns null. */
  private static NativeActivity activity(String module, String func) {
    return new NativeActivity() {
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
        return List.of();
      }

      @Override
      public JsonNode call(ObjectNode arguments, ActivityContext context) {
        return NullNode.getInstance();
      }
    };
  }

  private static List<Problem> validate(ActivityRegistry registry, String module, String func) {
    Problems problems = new Problems();
    registry.validate(module, func, null, MissingNode.getInstance(), "step", problems.at("provider"));
    return problems.list();
  }

  private final ActivityRegistry registry = ActivityRegistry.builder()
      .add(activity("ext.pods.actions", "kill"))
      .unsupported("ext.nodes")
      .unsupported("ext.pods.actions.exec")
      .build();

  @Test
  void validate_functionOfUnsupportedModulePrefix_isNotSupportedYetAtModule() {
    List<Problem> problems = validate(registry, "ext.nodes.actions", "drain");

    assertThat(problems).containsExactly(
        new Problem("provider.module", "'ext.nodes.actions.drain' is not supported by chaosfn yet"));
  }

  @Test
  void validate_unsupportedFunctionOfSupportedModule_isNotSupportedYetAtFunc() {
    List<Problem> problems = validate(registry, "ext.pods.actions", "exec");

    assertThat(problems).containsExactly(
        new Problem("provider.func", "'ext.pods.actions.exec' is not supported by chaosfn yet"));
  }

  @Test
  void validate_otherUnknownFunctionOfSupportedModule_isReportedAsNotExposed() {
    List<Problem> problems = validate(registry, "ext.pods.actions", "exec_all");

    assertThat(problems).extracting(Problem::path, Problem::message).containsExactly(tuple("provider.func", "The python module 'ext.pods.actions' does not expose a function called "
            + "'exec_all' in activity 'step'"));
  }

  @Test
  void validate_moduleSharingOnlyATextPrefixWithAnUnsupportedOne_isUnknown() {
    List<Problem> problems = validate(registry, "ext.nodesets.actions", "drain");

    assertThat(problems).extracting(Problem::message).singleElement().asString()
        .startsWith("could not find Python module 'ext.nodesets.actions'");
  }

  @Test
  void validate_supportedFunction_hasNoProblems() {
    assertThat(validate(registry, "ext.pods.actions", "kill")).isEmpty();
  }

  @Test
  void build_unsupportedNameOfARegisteredActivity_isRefused() {
    ActivityRegistry.Builder builder = ActivityRegistry.builder()
        .add(activity("ext.pods.actions", "kill")).unsupported("ext.pods.actions.kill");

    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ext.pods.actions.kill");
  }

  @Test
  void build_unsupportedPrefixCoveringARegisteredActivity_isRefused() {
    ActivityRegistry.Builder builder = ActivityRegistry.builder()
        .add(activity("ext.pods.actions", "kill")).unsupported("ext.pods");

    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'ext.pods' is declared unsupported but ext.pods.actions.kill is registered");
  }

  @Test
  void unsupported_blankName_isRefused() {
    assertThatThrownBy(() -> ActivityRegistry.builder().unsupported(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
