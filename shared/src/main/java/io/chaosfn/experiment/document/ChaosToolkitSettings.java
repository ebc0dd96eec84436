package io.chaosfn.experiment.document;

import io.chaosfn.experiment.InvalidExperimentException;
import io.chaosfn.experiment.JsonKind;
import io.chaosfn.experiment.Problem;
import io.chaosfn.experiment.Problems;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chaos Toolkit's settings file (§1.1, usually {@code ~/.chaostoolkit/settings.yaml}; the caller gives the
 * path). Read: {@code auths} (host[:port] → {@code {type, value}}, turned into header values {@code "<type>
 * <value>"}), {@code runtime.hypothesis.strategy} and {@code runtime.rollbacks.strategy} (checked by the caller,
 * §3.10), and {@code controls}, kept as a tree. The whole document stays in {@link #tree()} for the rest.
 *
 * @param auths host[:port] → Authorization header value
 */
public record ChaosToolkitSettings(
    Map<String, String> auths,
    Optional<String> hypothesisStrategy,
    Optional<String> rollbackStrategy,
    ObjectNode controls,
    ObjectNode tree) {

  public ChaosToolkitSettings {
    auths = Map.copyOf(auths);
    controls = controls.deepCopy();
    tree = tree.deepCopy();
  }

  @Override
  public ObjectNode controls() {
    return controls.deepCopy();
  }

  @Override
  public ObjectNode tree() {
    return tree.deepCopy();
  }

  public static ChaosToolkitSettings empty() {
    ObjectNode nothing = JsonNodeFactory.instance.objectNode();
    return new ChaosToolkitSettings(Map.of(), Optional.empty(), Optional.empty(), nothing, nothing);
  }

  /**
   * A missing or empty file gives {@link #empty()}.
   *
   * @throws InvalidExperimentException when the file cannot be read, is not safe YAML (CTK difference: Chaos
   *     Toolkit logs the error and runs with no settings), or its keys have the wrong shape; every problem at
   *     once, each message naming the file
   */
  public static ChaosToolkitSettings load(Path path) {
    byte[] bytes;
    try {
      bytes = DocumentReader.readFile(path, DocumentReader.MAX_DOCUMENT_BYTES);
    } catch (NoSuchFileException e) {
      return empty();
    } catch (IOException e) {
      throw DocumentReader.failure(path.toString(), "cannot read the settings (" + e.getClass().getSimpleName() + ")");
    }
    return DocumentReader.readOptional(bytes, DocumentFormat.YAML, path.toString())
        .map(tree -> from(tree, path.toString()))
        .orElseGet(ChaosToolkitSettings::empty);
  }

  private static ChaosToolkitSettings from(ObjectNode tree, String origin) {
    Problems problems = new Problems();
    Map<String, String> auths = auths(tree.path("auths"), problems.at("auths"));
    Optional<String> hypothesis = strategy(tree, "hypothesis", problems);
    Optional<String> rollbacks = strategy(tree, "rollbacks", problems);
    JsonNode controls = tree.path("controls");
    if (!controls.isMissingNode() && !controls.isNull() && !controls.isObject()) {
      problems.at("controls").add("must be an object of control names to definitions, found " + JsonKind.of(controls));
    }
    if (!problems.isEmpty()) {
      throw new InvalidExperimentException(
          problems.list().stream()
              .map(p -> new Problem("", origin + ": " + p))
              .toList());
    }
    ObjectNode controlsTree = controls.isObject() ? (ObjectNode) controls : JsonNodeFactory.instance.objectNode();
    return new ChaosToolkitSettings(auths, hypothesis, rollbacks, controlsTree, tree);
  }

  private static Map<String, String> auths(JsonNode auths, Problems problems) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (auths.isMissingNode() || auths.isNull()) {
      return headers;
    }
    if (!auths.isObject()) {
      problems.add("must be an object of host[:port] to {type, value}, found " + JsonKind.of(auths));
      return headers;
    }
    for (Map.Entry<String, JsonNode> entry : auths.properties()) {
      JsonNode type = entry.getValue().path("type");
      JsonNode value = entry.getValue().path("value");
      if (type.isString() && value.isString()) {
        headers.put(entry.getKey(), type.asString() + " " + value.asString());
      } else {
        problems.at(entry.getKey()).add("needs a string `type` (such as bearer) and a string `value`");
      }
    }
    return headers;
  }

  private static Optional<String> strategy(ObjectNode tree, String block, Problems problems) {
    JsonNode strategy = tree.path("runtime").path(block).path("strategy");
    if (strategy.isMissingNode() || strategy.isNull()) {
      return Optional.empty();
    }
    if (!strategy.isString()) {
      problems.at("runtime").at(block).at("strategy").add("must be a string, found " + JsonKind.of(strategy));
      return Optional.empty();
    }
    return Optional.of(strategy.asString());
  }

  /** Names only: settings hold tokens. */
  @Override
  public String toString() {
    return "ChaosToolkitSettings[auths=" + auths.keySet() + ", hypothesisStrategy=" + hypothesisStrategy
        + ", rollbackStrategy=" + rollbackStrategy + ", controls=" + controls.propertyNames() + "]";
  }
}
