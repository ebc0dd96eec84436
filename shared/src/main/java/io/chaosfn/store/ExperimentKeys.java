package io.chaosfn.store;

import java.util.Optional;

/**
 * Which experiment an S3 object holds (architecture.md, the S3 key map): written when an object's schedule is
 * synchronised, read when the object is deleted and its document is gone with it.
 *
 * @throws StoreUnavailableException from any method when the backing store cannot be reached
 */
public interface ExperimentKeys {
  /** Records (or replaces) the experiment id of the object under {@code key}. */
  void put(String key, String experimentId);

  /** The experiment id recorded for {@code key}. */
  Optional<String> experimentId(String key);

  /** Forgets {@code key}; nothing happens when it was not recorded. */
  void remove(String key);
}
