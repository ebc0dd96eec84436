package io.chaosfn.flow;

import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the experiment document at an {@code s3://bucket/key} URI for schedule synchronisation.
 *
 * @throws io.chaosfn.store.ExperimentNotFoundException when nothing is stored at the URI
 * @throws io.chaosfn.ChaosfnException when the document cannot be read or parsed
 */
@FunctionalInterface
public interface ExperimentDocuments {
  /**
   * @param uri {@code s3://bucket/key}
   */
  Document load(String uri);

  /**
   * @param tree the parsed, not yet validated document
   * @param experimentId the {@code chaosfn} extension's id, else the key without its extension
   */
  record Document(ObjectNode tree, String experimentId) {}
}
