package io.chaosfn.experiment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A parsed experiment. Only {@link ExperimentParser} makes one. The typed fields are what the engine reads;
 * {@link #source()} is the document as loaded, kept whole so the journal's copy shows unknown keys and key
 * order unchanged.
 *
 * @param configuration the {@code configuration} declarations (empty when absent)
 * @param secrets the {@code secrets} declarations, scope to map (empty when absent)
 * @param hypothesis null when the document has none, or it has no probes (Chaos Toolkit runs none then)
 * @param runtimeHypothesis the document's {@code runtime.hypothesis.strategy}, null when absent
 * @param runtimeRollbacks the document's {@code runtime.rollbacks.strategy}, null when absent
 * @param extension the {@code chaosfn} extension object, a missing node when absent
 * @param warnings what does not stop the run but a user should know (unsupported controls...)
 */
public record Experiment(
    ObjectNode source,
    String title,
    String description,
    ObjectNode configuration,
    ObjectNode secrets,
    Hypothesis hypothesis,
    List<Activity> method,
    List<Activity> rollbacks,
    List<Control> controls,
    HypothesisStrategy runtimeHypothesis,
    RollbackStrategy runtimeRollbacks,
    boolean hasRuntimeBlock,
    JsonNode extension,
    List<Problem> warnings) {
  public Experiment {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(title, "title");
    method = List.copyOf(method);
    rollbacks = List.copyOf(rollbacks);
    controls = List.copyOf(controls);
    warnings = List.copyOf(warnings);
  }

  public Optional<Hypothesis> steadyState() {
    return Optional.ofNullable(hypothesis);
  }

  /** The experiment id declared in the {@code chaosfn} extension, if any. */
  public Optional<String> declaredId() {
    JsonNode id = extension.path("id");
    return id.isString() && !id.asString().isBlank() ? Optional.of(id.asString()) : Optional.empty();
  }
}
