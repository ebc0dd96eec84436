package io.chaosfn.functions.cli;

import io.chaosfn.engine.journal.ExperimentSourceRef;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.ExperimentParser;
import io.chaosfn.experiment.InvalidExperimentException;
import io.chaosfn.experiment.Problems;
import io.chaosfn.experiment.document.ChaosToolkitSettings;
import io.chaosfn.experiment.document.DocumentFormat;
import io.chaosfn.experiment.document.ExperimentLoader;
import io.chaosfn.experiment.document.LoadedDocument;
import io.chaosfn.experiment.document.SourceOptions;
import io.chaosfn.flow.ExperimentValidation;
import io.chaosfn.store.SourcedExperiment;
import io.chaosfn.store.s3.S3ExperimentSource;
import io.chaosfn.store.s3.S3Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.s3.S3Client;

/** The options {@code run} and {@code validate} share: the source, the settings file, TLS for URLs. */
final class DocumentOptions {
  static final String BEARER_VARIABLE = "CHAOSTOOLKIT_LOADER_AUTH_BEARER_TOKEN";

  @Parameters(index = "0", paramLabel = "SOURCE", description = "Experiment file (.json, .yaml, .yml), http(s) URL or s3://bucket/key.")
  String source;

  @Option(names = "--settings", paramLabel = "PATH",
      description = "Chaos Toolkit settings file (default ~/.chaostoolkit/settings.yaml).")
  Path settings;

  @Option(names = "--no-verify-tls", description = "Do not verify TLS certificates when loading from a URL.")
  boolean noVerifyTls;

  private ExperimentSourceRef sourceRef;

  ChaosToolkitSettings settings(CliEnvironment environment) {
    Path path = settings != null ? settings
        : environment.home().resolve(".chaostoolkit").resolve("settings.yaml");
    if (settings == null && !Files.exists(path)) {
      return ChaosToolkitSettings.empty();
    }
    return ChaosToolkitSettings.load(path);
  }

  /**
   * The document; an {@code s3://bucket/key} source is read with the standard AWS variables ({@code AWS_REGION},
   * the access keys, {@code AWS_ENDPOINT_URL_S3}), and its version and ETag are kept for {@link #sourceRef}.
   */
  LoadedDocument load(CliEnvironment environment, ChaosToolkitSettings settings) {
    if (S3Location.isS3Uri(source)) {
      SourcedExperiment sourced;
      try (S3Client s3 = CliAws.s3(environment)) {
        sourced = new S3ExperimentSource(s3, null, "").load(source);
      }
      sourceRef = sourced.ref();
      return new LoadedDocument(sourced.tree(), source,
          DocumentFormat.fromFileName(source).orElse(DocumentFormat.YAML));
    }
    sourceRef = null;
    SourceOptions options = SourceOptions.defaults().withAuths(settings.auths()).withVerifyTls(!noVerifyTls);
    String token = environment.get(BEARER_VARIABLE);
    if (token != null && !token.isBlank()) {
      options = options.withBearerToken(token);
    }
    LoadedDocument loaded = new ExperimentLoader(options).load(source);
    sourceRef = new ExperimentSourceRef(loaded.origin(), null, null);
    return loaded;
  }

  /** Where the last loaded document came from, with its S3 version and ETag when it came from S3. */
  ExperimentSourceRef sourceRef() {
    return sourceRef;
  }

  /**
   * Every problem of the document, its configuration and its secrets (semantics §2.1, all at once).
   *
   * @throws InvalidExperimentException when there is any
   */
  static Experiment parseValid(ExperimentParser parser, LoadedDocument document, Map<String, String> env) {
    Problems problems = ExperimentValidation.problems(parser, document.tree(), env);
    if (!problems.isEmpty()) {
      throw new InvalidExperimentException(problems.list());
    }
    return parser.parse(document.tree());
  }


}
