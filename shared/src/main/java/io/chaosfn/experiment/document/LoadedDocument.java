package io.chaosfn.experiment.document;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A document as loaded: its tree, where it came from (a path, or a URL without user info and query, safe to
 * print) and how it was encoded.
 */
public record LoadedDocument(ObjectNode tree, String origin, DocumentFormat format) {
  public LoadedDocument {
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(format, "format");
  }
}
