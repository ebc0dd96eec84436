package io.chaosfn.activity.process;

import static io.chaosfn.activity.TestActivities.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.experiment.Problem;
import io.chaosfn.experiment.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

class ProcessValidationTest {
  @TempDir
  Path bin;

  private Problems validate(String json) {
    return validate(provider(json));
  }

  private Problems validate(ObjectNode document) {
    ProcessProvider provider = new ProcessProvider(Map.of("PATH", bin + ":/usr/bin:/bin", "HOME", bin.toString()));
    Problems problems = new Problems();
    provider.validate(document, "act-1", "action", MissingNode.getInstance(), problems.at("provider"));
    return problems;
  }

  @Test
  void validate_missingPath_reportsChaosToolkitMessage() {
    Problems problems = validate("{'type':'process'}");

    assertThat(problems.list()).containsExactly(new Problem("provider.path", "a process activity must have a path"));
  }

  @Test
  void validate_unknownProgram_reportsChaosToolkitMessage() {
    Problems problems = validate("{'type':'process','path':'no-such-program-xyz'}");

    assertThat(problems.list()).containsExactly(new Problem("provider.path",
        "path 'no-such-program-xyz' cannot be found, in activity 'act-1'"));
  }

  @Test
  void validate_notExecutableFile_reportsNoAccessPermission() throws Exception {
    Files.writeString(bin.resolve("tool"), "#!/bin/sh\n");

    Problems problems = validate("{'type':'process','path':'~/tool'}");

    assertThat(problems.list()).containsExactly(new Problem("provider.path",
        "no access permission to '~/tool', in activity 'act-1'"));
  }

  @Test
  void validate_programOnPath_hasNoProblem() {
    Problems problems = validate("{'type':'process','path':'sh','arguments':['-c','true'],'timeout':3}");

    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void validate_objectArguments_warnsDeprecated() {
    Problems problems = validate("{'type':'process','path':'sh','arguments':{'-c':'true'}}");

    assertThat(problems.isEmpty()).isTrue();
    assertThat(problems.warnings()).extracting(Problem::path).containsExactly("provider.arguments");
  }

  @Test
  void validate_wrongTimeoutAndArgumentTypes_areEachReported() {
    Problems problems = validate("{'type':'process','path':'sh','arguments':3,'timeout':'soon'}");

    assertThat(problems.list()).extracting(Problem::path).containsExactly("provider.arguments", "provider.timeout");
  }
}
