package io.chaosfn.store;

import io.chaosfn.engine.journal.ExperimentSourceRef;

/**
 * Where experiment documents are kept: an S3 bucket in AWS, a directory for the CLI and the sandbox.
 *
 * <p>Safe for concurrent callers. Each call returns its own copy of the document tree, so a caller may keep or
 * change it without affecting later loads (an implementation may cache parsed documents behind that copy).
 *
 * @throws ExperimentNotFoundException from any method when nothing is stored under the name
 * @throws io.chaosfn.experiment.InvalidExperimentException when the stored bytes are not a readable document
 *     (too large, not UTF-8, malformed JSON or YAML)
 * @throws StoreUnavailableException when the backing store cannot be reached
 */
public interface ExperimentSource {
  /**
   * The current document.
   *
   * @param idOrUri an experiment id, or a URI this source understands ({@code s3://bucket/key}, a file path)
   */
  SourcedExperiment load(String idOrUri);

  /**
   * The document as it was when {@code ref} was recorded: that S3 version where the source keeps versions, else
   * the current document. The sweeper rolls back what actually ran, not what was uploaded since.
   */
  SourcedExperiment load(ExperimentSourceRef ref);
}
