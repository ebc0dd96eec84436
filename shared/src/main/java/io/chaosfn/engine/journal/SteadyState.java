package io.chaosfn.engine.journal;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One evaluation of the hypothesis: met or not, and the probes that ran (they stop at the first not met).
 *
 * @param extra keys other tools added, kept so journals round-trip
 */
public record SteadyState(boolean steadyStateMet, List<RunItem> probes, ObjectNode extra) {
  public SteadyState {
    probes = List.copyOf(probes);
  }

  /** True when a probe errored, as opposed to returning a value outside its tolerance. */
  public boolean probeFailed() {
    return probes.stream().anyMatch(p -> !p.succeeded());
  }
}
