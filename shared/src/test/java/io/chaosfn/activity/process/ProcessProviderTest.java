package io.chaosfn.activity.process;

import static io.chaosfn.activity.TestActivities.context;
import static io.chaosfn.activity.TestActivities.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.ActivityFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/** The process provider with real programs: /bin/sh, echo, sleep, true, false. */
class ProcessProviderTest {
  private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "HOME", "/tmp");

  private final ProcessProvider provider = new ProcessProvider(ENV);

  @Test
  void run_echoWithListArguments_outputsStatusAndStdout() {
    JsonNode output = provider.run(provider("{'type':'process','path':'echo','arguments':['a',1,true,null,'','b c']}"),
        context(ENV, false));

    assertThat(output.get("status").intValue()).isZero();
    assertThat(output.get("stdout").stringValue()).isEqualTo("a 1 True b c\n");
    assertThat(output.get("stderr").stringValue()).isEmpty();
  }

  @Test
  void run_falseExitCode_isAnOutputNotAFailure() {
    JsonNode output = provider.run(provider("{'type':'process','path':'false'}"), context(ENV, false));

    assertThat(output.get("status").intValue()).isEqualTo(1);
  }

  @Test
  void run_stringArguments_goThroughTheShellAsInChaosToolkit() {
    ObjectNode echo = provider("{'type':'process','path':'echo'}");
    echo.put("arguments", "'one two' $HOME | tr a-z A-Z");

    JsonNode output = provider.run(echo, context(ENV, false));

    assertThat(output.get("stdout").stringValue()).isEqualTo("ONE TWO /TMP\n");
  }

  @Test
  void run_objectArguments_areFlattenedToPairs() {
    JsonNode output = provider.run(provider("{'type':'process','path':'echo','arguments':{'-n':null,'x':'y'}}"),
        context(ENV, false));

    assertThat(output.get("stdout").stringValue()).isEqualTo("x y");
  }

  @Test
  void run_stderr_isCapturedSeparately() {
    JsonNode output = provider.run(provider("{'type':'process','path':'sh','arguments':['-c','echo oops >&2; exit 3']}"),
        context(ENV, false));

    assertThat(output.get("status").intValue()).isEqualTo(3);
    assertThat(output.get("stderr").stringValue()).isEqualTo("oops\n");
  }

  @Test
  void run_environment_isExactlyTheContextsEnvironment() {
    Map<String, String> filtered = Map.of("PATH", "/usr/bin:/bin", "CHAOSFN_EXPERIMENT_X", "1");

    JsonNode output = provider.run(provider("{'type':'process','path':'sh','arguments':['-c','env | sort']}"),
        context(filtered, false));

    assertThat(output.get("stdout").stringValue().lines().filter(l -> !l.startsWith("PWD=") && !l.startsWith("SHLVL=")
        && !l.startsWith("_=")))
        .containsExactly("CHAOSFN_EXPERIMENT_X=1", "PATH=/usr/bin:/bin");
  }

  @Test
  void run_timeout_killsTheWholeTreeAndFails() throws Exception {
    Path pids = Files.createTempFile("pids", ".txt");

    ObjectNode sleeper = provider("{'type':'process','path':'sh','timeout':0.5}");
    sleeper.putArray("arguments").add("-c").add("sleep 60 & echo $! > " + pids + "; sleep 60");

    assertThatThrownBy(() -> provider.run(sleeper, context(ENV, false)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessage("process activity took too long to complete");
    long grandchild = Long.parseLong(Files.readString(pids).trim());
    assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void run_bigOutputOnBothStreams_doesNotDeadlockAndIsCapped() {
    ProcessProvider capped = new ProcessProvider(ENV, 1000);
    Map<String, JsonNode> audit = new HashMap<>();
    ActivityContext context = new ActivityContext(JsonNodeFactory.instance.objectNode(),
        JsonNodeFactory.instance.objectNode(), ENV, audit::put, Clock.systemUTC(), MissingNode.getInstance(), false);

    ObjectNode chatty = provider("{'type':'process','path':'sh','timeout':30}");
    chatty.putArray("arguments").add("-c")
        .add("i=0; while [ $i -lt 20000 ]; do echo 0123456789; echo 0123456789 >&2; i=$((i+1)); done");

    JsonNode output = capped.run(chatty, context);

    assertThat(output.get("stdout").stringValue()).hasSize(1000);
    assertThat(output.get("stderr").stringValue()).hasSize(1000);
    assertThat(audit.get("output_bytes_dropped").get("stdout").longValue()).isEqualTo(220_000 - 1000);
  }

  @Test
  void run_invalidUtf8_isDecodedWithReplacement() {
    JsonNode output = provider.run(provider("{'type':'process','path':'printf','arguments':['a\\\\377b']}"),
        context(ENV, false));

    assertThat(output.get("stdout").stringValue()).isEqualTo("a\uFFFDb");
  }

  @Test
  void run_tildePath_isExpandedWithHome(@TempDir Path home) throws Exception {
    Path script = home.resolve("hello.sh");
    Files.writeString(script, "#!/bin/sh\necho hello\n");
    script.toFile().setExecutable(true);
    Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString());

    JsonNode output = provider.run(provider("{'type':'process','path':'~/hello.sh'}"), context(env, false));

    assertThat(output.get("stdout").stringValue()).isEqualTo("hello\n");
  }

  @Test
  void run_unknownProgram_fails() {
    assertThatThrownBy(() -> provider.run(provider("{'type':'process','path':'no-such-program-xyz'}"),
        context(ENV, false)))
        .isInstanceOf(ActivityFailedException.class)
        .hasMessageContaining("'no-such-program-xyz' cannot be found");
  }

  @Test
  void run_withoutPathInContext_findsProgramThroughHostPath() {
    JsonNode output = provider.run(provider("{'type':'process','path':'true'}"), context(Map.of(), false));

    assertThat(output.get("status").intValue()).isZero();
  }
}
