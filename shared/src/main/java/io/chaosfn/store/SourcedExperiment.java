package io.chaosfn.store;

import io.chaosfn.engine.journal.ExperimentSourceRef;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An experiment document as a source returned it.
 *
 * @param tree the document, not yet validated
 * @param ref where it came from, with the S3 version id and ETag when known; recorded in the journal
 * @param nameId the id its name gives: the object key or file name without its extension
 */
public record SourcedExperiment(ObjectNode tree, ExperimentSourceRef ref, String nameId) {
  public SourcedExperiment {
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(nameId, "nameId");
  }

  /** The {@code id} of the document's {@code chaosfn} extension, else the id its name gives (architecture.md). */
  public String experimentId() {
    for (JsonNode extension : tree.path("extensions").values()) {
      JsonNode id = extension.path("id");
      if ("chaosfn".equals(extension.path("name").asString("")) && id.isString() && !id.asString().isBlank()) {
        return id.asString();
      }
    }
    return nameId;
  }

  /** The id a key or file name gives: its last segment without the extension. */
  public static String idFromName(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    return dot > 0 ? last.substring(0, dot) : last;
  }
}
