package io.chaosfn.activity;

import io.chaosfn.experiment.Problems;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Java implementation of a Chaos Toolkit Python activity, found by the {@code module} and {@code func} a
 * document names ({@code chaosk8s.pod.actions} + {@code terminate_pods}). Implementations keep the Python
 * function's argument names, defaults, outputs and failure messages, so existing experiments run unchanged.
 *
 * <p>Implementations are stateless and thread-safe: background activities call them concurrently.
 */
public interface NativeActivity {
  /** The dotted module path, as written in documents. */
  String module();

  /** The function name, as written in documents. */
  String func();

  /** The keyword arguments the function accepts; the registry checks missing and unknown ones. */
  List<Parameter> parameters();

  /**
   * Checks what can be decided from the document alone, beyond argument names (types, guardrails). Arguments
   * that are still {@code ${...}} placeholders are not known yet and must be skipped.
   *
   * @param extension the document's {@code chaosfn} extension object (a missing node when it has none)
   * @param problems positioned at the provider's {@code arguments}
   */
  default void validate(ObjectNode arguments, JsonNode extension, Problems problems) {}

  /**
   * Runs the activity with substituted arguments.
   *
   * @return the output, as the Python function would return it ({@code null} node when it returns nothing)
   * @throws ActivityFailedException when the activity fails as Chaos Toolkit's would
   */
  JsonNode call(ObjectNode arguments, ActivityContext context);

  /**
   * Called instead of {@link #call} when the run's dry mode skips this activity. The output stays null (as in
   * Chaos Toolkit); an activity may record in the audit what it would have done. Must not change anything.
   */
  default void dryRun(ObjectNode arguments, ActivityContext context) {}

  /** The registry key, {@code module.func}. */
  default String qualifiedName() {
    return module() + "." + func();
  }
}
