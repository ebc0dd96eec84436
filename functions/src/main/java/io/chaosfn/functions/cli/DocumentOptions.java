package io.chaosfn.functions.cli;

import io.chaosfn.experiment.Configuration;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.ExperimentParser;
import io.chaosfn.experiment.InvalidExperimentException;
import io.chaosfn.experiment.Problems;
import io.chaosfn.experiment.Secrets;
import io.chaosfn.experiment.document.ChaosToolkitSettings;
import io.chaosfn.experiment.document.ExperimentLoader;
import io.chaosfn.experiment.document.LoadedDocument;
import io.chaosfn.experiment.document.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code run} and {@code validate} share: the source, the settings file, TLS for URLs. */
final class DocumentOptions {
  static final String BEARER_VARIABLE = "CHAOSTOOLKIT_LOADER_AUTH_BEARER_TOKEN";

  @Parameters(index = "0", paramLabel = "SOURCE", description = "Experiment file (.json, .yaml, .yml) or http(s) URL.")
  String source;

  @Option(names = "--settings", paramLabel = "PATH",
      description = "Chaos Toolkit settings file (default ~/.chaostoolkit/settings.yaml).")
  Path settings;

  @Option(names = "--no-verify-tls", description = "Do not verify TLS certificates when loading from a URL.")
  boolean noVerifyTls;

  ChaosToolkitSettings settings(CliEnvironment environment) {
    Path path = settings != null ? settings
        : environment.home().resolve(".chaostoolkit").resolve("settings.yaml");
    if (settings == null && !Files.exists(path)) {
      return ChaosToolkitSettings.empty();
    }
    return ChaosToolkitSettings.load(path);
  }

  LoadedDocument load(CliEnvironment environment, ChaosToolkitSettings settings) {
    SourceOptions options = SourceOptions.defaults().withAuths(settings.auths()).withVerifyTls(!noVerifyTls);
    String token = environment.get(BEARER_VARIABLE);
    if (token != null && !token.isBlank()) {
      options = options.withBearerToken(token);
    }
    return new ExperimentLoader(options).load(source);
  }

  /**
   * Every problem of the document, its configuration and its secrets (semantics §2.1, all at once).
   *
   * @throws InvalidExperimentException when there is any
   */
  static Experiment parseValid(ExperimentParser parser, LoadedDocument document, Map<String, String> env) {
    Problems problems = parser.validate(document.tree());
    Configuration.validate(objectOrNull(document, "configuration"), env, problems);
    Secrets.validate(objectOrNull(document, "secrets"), env, problems);
    if (!problems.isEmpty()) {
      throw new InvalidExperimentException(problems.list());
    }
    return parser.parse(document.tree());
  }

  private static tools.jackson.databind.node.ObjectNode objectOrNull(LoadedDocument document, String key) {
    return document.tree().path(key).isObject() ? (tools.jackson.databind.node.ObjectNode) document.tree().get(key)
        : null;
  }
}
