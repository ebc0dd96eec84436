package io.chaosfn.experiment;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A probe or an action, with references already resolved.
 *
 * @param provider the provider object as written (substitution happens when it runs)
 * @param tolerance the tolerance as written, or null (required for hypothesis probes only)
 * @param pauseBefore seconds or a {@code ${...}} placeholder, or null
 * @param pauseAfter seconds or a {@code ${...}} placeholder, or null
 * @param source the activity object as the journal shows it (the referenced object for a ref)
 * @param missingRef for a document parsed without validation only: the name of a reference that did not
 *     resolve; running this activity aborts the run, as in Chaos Toolkit
 */
public record Activity(
    ActivityKind kind,
    String name,
    ObjectNode provider,
    JsonNode tolerance,
    JsonNode pauseBefore,
    JsonNode pauseAfter,
    boolean background,
    List<Control> controls,
    ObjectNode source,
    String missingRef) {
  public Activity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    controls = List.copyOf(controls);
  }

  public boolean isProbe() {
    return kind == ActivityKind.PROBE;
  }

  /** The provider's {@code type}, or "" when absent (possible only without validation). */
  public String providerType() {
    return provider == null ? "" : provider.path("type").asString("");
  }
}
