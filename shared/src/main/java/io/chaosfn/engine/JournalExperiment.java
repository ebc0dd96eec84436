package io.chaosfn.engine;

import io.chaosfn.experiment.DryMode;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.Substitution;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The journal's copy of the experiment: the document as loaded, with only the edits Chaos Toolkit makes
 * (substituted title, {@code dry}) and one of ours: secret values masked.
 */
final class JournalExperiment {
  static final String MASK = "***";

  private JournalExperiment() {}

  static ObjectNode copy(Experiment experiment, Substitution substitution, DryMode dry) {
    ObjectNode copy = experiment.source().deepCopy();
    JsonNode title = substitution.apply(copy.path("title"));
    if (!title.isMissingNode()) {
      copy.set("title", title);
    }
    if (copy.path("secrets").isObject()) {
      copy.set("secrets", maskSecrets((ObjectNode) copy.get("secrets")));
    }
    if (dry == null) {
      copy.putNull("dry");
    } else {
      copy.put("dry", dry.documentName());
    }
    return copy;
  }

  // CTK difference: Chaos Toolkit writes inline secrets into the journal verbatim; we never do.
  private static ObjectNode maskSecrets(ObjectNode secrets) {
    ObjectNode masked = secrets.deepCopy();
    for (Map.Entry<String, JsonNode> scope : masked.properties()) {
      if (scope.getValue().isObject()) {
        maskValues((ObjectNode) scope.getValue());
      }
    }
    return masked;
  }

  private static void maskValues(ObjectNode node) {
    boolean declaration = node.path("type").isString()
        && ("env".equals(node.get("type").asString()) || "vault".equals(node.get("type").asString()));
    if (declaration) {
      return;
    }
    for (String key : java.util.List.copyOf(node.propertyNames())) {
      JsonNode value = node.get(key);
      if (value.isObject()) {
        maskValues((ObjectNode) value);
      } else {
        node.put(key, MASK);
      }
    }
  }
}
