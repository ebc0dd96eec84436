package io.chaosfn.experiment;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/** The steady-state hypothesis: probes whose outputs must be within their tolerances. */
public record Hypothesis(String title, List<Activity> probes, List<Control> controls, ObjectNode source) {
  public Hypothesis {
    Objects.requireNonNull(title, "title");
    probes = List.copyOf(probes);
    controls = List.copyOf(controls);
  }
}
