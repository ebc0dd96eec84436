package io.chaosfn.activity;

import static io.chaosfn.activity.TestActivities.context;
import static io.chaosfn.activity.TestActivities.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.experiment.Problem;
import io.chaosfn.experiment.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

class PythonProviderTest {
  private final List<String> calls = new ArrayList<>();

  /** A native activity written for this test: echoes its arguments, or fails as told. */
  private final NativeActivity echo = new NativeActivity() {
    @Override
    public String module() {
      return "fixtures.echo";
    }

    @Override
    public String func() {
      return "echo";
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(Parameter.required("value"), Parameter.optional("fail"));
    }

    @Override
    public JsonNode call(ObjectNode arguments, ActivityContext context) {
      calls.add("call");
      String fail = arguments.path("fail").asString("");
      if (fail.equals("runtime")) {
        throw new IllegalStateException("pods not found");
      }
      if (fail.equals("activity")) {
        throw new ActivityFailedException("no pod matched");
      }
      arguments.put("mutated", true);
      return arguments.get("value");
    }

    @Override
    public void dryRun(ObjectNode arguments, ActivityContext context) {
      calls.add("dry");
    }
  };

  private final PythonProvider provider = new PythonProvider(ActivityRegistry.builder().add(echo).build());

  @Test
  void run_knownFunction_returnsItsOutput() {
    JsonNode output = provider.run(provider("{'type':'python','module':'fixtures.echo','func':'echo',"
        + "'arguments':{'value':{'n':1}}}"), context());

    assertThat(output.get("n").intValue()).isEqualTo(1);
  }

  @Test
  void run_activityMutatesArguments_documentStaysUnchanged() {
    ObjectNode document = provider("{'type':'python','module':'fixtures.echo','func':'echo','arguments':{'value':1}}");

    provider.run(document, context());

    assertThat(document.get("arguments").has("mutated")).isFalse();
  }

  @Test
  void run_dry_callsDryRunAndReturnsNull() {
    JsonNode output = provider.run(provider("{'type':'python','module':'fixtures.echo','func':'echo',"
        + "'arguments':{'value':1}}"), context(Map.of(), true));

    assertThat(output.isNull()).isTrue();
    assertThat(calls).containsExactly("dry");
  }

  @Test
  void run_unexpectedException_failsWithTypeAndMessage() {
    assertThatThrownBy(() -> provider.run(provider("{'type':'python','module':'fixtures.echo','func':'echo',"
        + "'arguments':{'value':1,'fail':'runtime'}}"), context()))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("IllegalStateException: pods not found");
  }

  @Test
  void run_activityFailure_keepsItsMessage() {
    assertThatThrownBy(() -> provider.run(provider("{'type':'python','module':'fixtures.echo','func':'echo',"
        + "'arguments':{'value':1,'fail':'activity'}}"), context()))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("no pod matched");
  }

  @Test
  void validate_missingModuleAndFunc_reportsBothChaosToolkitMessages() {
    Problems problems = validate(provider("{'type':'python'}"));

    assertThat(problems.list()).containsExactly(
        new Problem("provider.module", "a Python activity must have a module path"),
        new Problem("provider.func", "a Python activity must have a function name"));
  }

  @Test
  void validate_wrongArgumentAndSecretTypes_areReported() {
    Problems problems = validate(provider("{'type':'python','module':'fixtures.echo','func':'echo',"
        + "'arguments':[1],'secrets':'k8s'}"));

    assertThat(problems.list()).extracting(Problem::path).containsExactly("provider.arguments", "provider.secrets");
  }

  @Test
  void validate_missingRequiredArgument_isReportedThroughTheRegistry() {
    Problems problems = validate(provider("{'type':'python','module':'fixtures.echo','func':'echo'}"));

    assertThat(problems.list()).extracting(Problem::message)
        .containsExactly("required argument 'value' is missing from activity 'echo'");
  }

  @Test
  void validate_unknownFunction_namesTheCloseMatch() {
    Problems problems = validate(provider("{'type':'python','module':'fixtures.echo','func':'ecoh',"
        + "'arguments':{'value':1}}"));

    assertThat(problems.list()).extracting(Problem::message).singleElement().asString()
        .contains("does not expose a function called 'ecoh'").contains("'echo'");
  }

  private Problems validate(ObjectNode document) {
    Problems problems = new Problems();
    provider.validate(document, "act", "action", MissingNode.getInstance(), problems.at("provider"));
    return problems;
  }

  @Test
  void run_nullOutput_isANullNode() {
    ObjectNode document = provider("{'type':'python','module':'fixtures.echo','func':'echo','arguments':{'value':null}}");

    JsonNode output = provider.run(document, context());

    assertThat(output.isNull()).isTrue();
  }
}
