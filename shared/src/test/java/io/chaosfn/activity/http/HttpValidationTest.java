package io.chaosfn.activity.http;

import static io.chaosfn.activity.TestActivities.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.experiment.Problem;
import io.chaosfn.experiment.Problems;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.MissingNode;

class HttpValidationTest {
  private final HttpProvider provider = new HttpProvider(HttpPolicy.unrestricted());

  private Problems validate(String json) {
    Problems problems = new Problems();
    provider.validate(provider(json), "probe-1", "probe", MissingNode.getInstance(), problems.at("provider"));
    return problems;
  }

  @Test
  void validate_missingUrl_reportsChaosToolkitMessage() {
    Problems problems = validate("{'type':'http'}");

    assertThat(problems.list()).containsExactly(new Problem("provider.url", "a HTTP activity must have a URL"));
  }

  @Test
  void validate_headersAsList_reportsChaosToolkitMessage() {
    Problems problems = validate("{'type':'http','url':'http://x/','headers':['a']}");

    assertThat(problems.list())
        .containsExactly(new Problem("provider.headers", "a HTTP activities expect headers as a mapping"));
  }

  @Test
  void validate_everyWrongField_reportsEachWithItsPath() {
    Problems problems = validate("{'type':'http','url':'http://x/','method':3,'timeout':[1],"
        + "'max_retries':'2','verify_tls':'no','arguments':[1]}");

    assertThat(problems.list()).extracting(Problem::path).containsExactly("provider.method",
        "provider.arguments", "provider.timeout", "provider.max_retries", "provider.verify_tls");
  }

  @Test
  void validate_negativeTimeout_isReported() {
    Problems problems = validate("{'type':'http','url':'http://x/','timeout':-1}");

    assertThat(problems.list()).extracting(Problem::message)
        .containsExactly("expected a number of seconds > 0, found -1");
  }

  @Test
  void validate_urlWithoutHttpScheme_isReported() {
    Problems problems = validate("{'type':'http','url':'localhost:8080/health'}");

    assertThat(problems.list()).extracting(Problem::path).containsExactly("provider.url");
  }

  @Test
  void validate_placeholders_areLeftForSubstitution() {
    Problems problems = validate("{'type':'http','url':'${base}/health','headers':'${h}',"
        + "'timeout':'${t}','arguments':'${args}'}");

    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void validate_fullProvider_hasNoProblem() {
    Problems problems = validate("{'type':'http','url':'https://svc/health','method':'post',"
        + "'headers':{'Content-Type':'application/json'},'arguments':{'q':'x'},'timeout':[3,5],"
        + "'verify_tls':false,'max_retries':1,'secrets':['global']}");

    assertThat(problems.isEmpty()).isTrue();
  }
}
