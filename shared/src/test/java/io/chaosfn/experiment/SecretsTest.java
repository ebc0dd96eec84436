package io.chaosfn.experiment;

import static io.chaosfn.experiment.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void resolve_inlineEnvAndNested_areResolved() {
    var declarations =
        object(
            "{'k8s': {'token': 'abc', 'host': {'type': 'env', 'key': 'H'},"
                + " 'address': {'port': 8090, 'name': {'type': 'env', 'key': 'N'}}}}");

    var resolved = Secrets.resolve(declarations, null, Map.of("H", "api.local", "N", "svc"));

    assertThat(resolved.toString())
        .isEqualTo("{\"k8s\":{\"token\":\"abc\",\"host\":\"api.local\",\"address\":{\"port\":8090,\"name\":\"svc\"}}}");
  }

  @Test
  void resolve_envIgnoresDefault_andReportsMissing() {
    var declarations = object("{'s': {'t': {'type': 'env', 'key': 'MISSING', 'default': 'd'}}}");

    assertThatThrownBy(() -> Secrets.resolve(declarations, null, Map.of()))
        .isInstanceOfSatisfying(
            InvalidExperimentException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new Problem(
                            "secrets.s.t", "Secrets make reference to an environment key that does not exist: MISSING")));
  }

  @Test
  void resolve_envValue_isNeverConverted() {
    var resolved = Secrets.resolve(object("{'s': {'n': {'type': 'env', 'key': 'N', 'env_var_type': 'int'}}}"), null, Map.of("N", "42"));

    assertThat(resolved.get("s").get("n").isString()).isTrue();
  }

  @Test
  void resolve_vault_isRefusedAsUnsupported() {
    Problems problems = new Problems();

    Secrets.validate(object("{'db': {'password': {'type': 'vault', 'path': 'app/db', 'key': 'pw'}}}"), Map.of(), problems);

    assertThat(problems.list())
        .containsExactly(
            new Problem(
                "secrets.db.password",
                "vault secrets are not supported by chaosfn; declare the secret as {\"type\": \"env\"}"));
  }

  @Test
  void resolve_everyProblem_isCollected() {
    Problems problems = new Problems();

    Secrets.validate(
        object("{'a': 'not-a-scope', 'b': {'x': {'type': 'env', 'key': 'M1'}, 'deep': {'y': {'type': 'env'}}}}"),
        Map.of(),
        problems);

    assertThat(problems.list())
        .extracting(Problem::path)
        .containsExactly("secrets.a", "secrets.b.x", "secrets.b.deep.y");
  }

  @Test
  void resolve_overrideScope_replacesTheWholeScope() {
    var declarations = object("{'s': {'a': '1', 'b': '2'}, 'other': {'c': '3'}}");

    var resolved = Secrets.resolve(declarations, object("{'s': {'a': 'new'}, 'undeclared': {'d': '4'}}"), Map.of());

    assertThat(resolved.toString()).isEqualTo("{\"s\":{\"a\":\"new\"},\"other\":{\"c\":\"3\"}}");
  }

  @Test
  void resolve_null_isEmpty() {
    assertThat(Secrets.resolve(null, null, Map.of()).isEmpty()).isTrue();
  }
}
