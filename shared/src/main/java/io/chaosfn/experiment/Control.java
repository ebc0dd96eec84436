package io.chaosfn.experiment;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A control declared in a document ({@code controls} at the top level, in the hypothesis or in an activity).
 * Chaos Toolkit controls are Python modules; chaosfn runs the ones it implements natively and warns about the
 * others (decisions.md §4).
 *
 * @param scope {@code before}, {@code after}, or null for both
 * @param provider the provider object; null for a reference to a top-level control
 * @param ref the referenced top-level control's name, or null
 */
public record Control(String name, String scope, boolean automatic, ObjectNode provider, String ref) {
  public Control {
    Objects.requireNonNull(name, "name");
  }

  /** The Python module the control names ({@code chaosaddons.controls.safeguards}), or "" for a reference. */
  public String module() {
    return provider == null ? "" : provider.path("module").asString("");
  }
}
