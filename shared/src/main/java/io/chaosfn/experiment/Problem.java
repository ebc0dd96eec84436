package io.chaosfn.experiment;

import java.util.Objects;

/**
 * One thing wrong with a document: where ({@code method[2].provider.url}) and what (what was expected, what
 * was found). The path is empty for the document as a whole.
 */
public record Problem(String path, String message) {
  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
