package io.chaosfn.engine;

import io.chaosfn.experiment.DryMode;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.SecretMasker;
import io.chaosfn.experiment.Substitution;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The journal's copy of the experiment: the document as loaded, with only the edits Chaos Toolkit makes
 * (substituted title, {@code dry}) and one of ours: secret values masked.
 */
final class JournalExperiment {
  private JournalExperiment() {}

  static ObjectNode copy(Experiment experiment, Substitution substitution, DryMode dry,
      RunContext.SecretRedaction redaction) {
    ObjectNode copy = experiment.source().deepCopy();
    // The title is substituted as in Chaos Toolkit, and any secret it took in is masked again.
    JsonNode title = redaction.redact(substitution.apply(copy.path("title")));
    if (!title.isMissingNode()) {
      copy.set("title", title);
    }
    // CTK difference: Chaos Toolkit writes inline secrets into the journal verbatim; we never do.
    copy = SecretMasker.maskSecretsSection(copy);
    if (dry == null) {
      copy.putNull("dry");
    } else {
      copy.put("dry", dry.documentName());
    }
    return copy;
  }

}
