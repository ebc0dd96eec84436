package io.chaosfn.trigger;

import io.chaosfn.experiment.ChaosfnExtension;
import java.util.List;
import java.util.Objects;

/**
 * The experiments a deploy may start, each with its {@code chaosfn} extension. An experiment whose document or
 * extension is invalid is left out (and logged) by the implementation: one broken file must not stop the
 * webhook from starting the others.
 */
public interface ExperimentCatalog {
  /** One experiment: its id, where its document is (what a run loads), and its parsed extension. */
  record Entry(String experimentId, String source, ChaosfnExtension extension) {
    public Entry {
      Objects.requireNonNull(experimentId, "experimentId");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(extension, "extension");
    }
  }

  /**
   * Every experiment, in a stable order.
   *
   * @throws io.chaosfn.store.StoreUnavailableException when the catalog cannot be read
   */
  List<Entry> experiments();
}
