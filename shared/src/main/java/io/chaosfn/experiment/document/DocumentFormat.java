package io.chaosfn.experiment.document;

import java.util.Optional;

/** The two encodings of an experiment (Chaos Toolkit §1.1). */
public enum DocumentFormat {
  JSON,
  YAML;

  /**
   * The format a file name announces by its extension: {@code .json}, {@code .yaml} or {@code .yml}, compared
   * case-sensitively as Chaos Toolkit does ({@code EXPERIMENT.JSON} has no known format). Empty otherwise.
   */
  public static Optional<DocumentFormat> fromFileName(String name) {
    if (name.endsWith(".json")) {
      return Optional.of(JSON);
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Optional.of(YAML);
    }
    return Optional.empty();
  }
}
