package io.chaosfn.flow;

import io.chaosfn.experiment.Configuration;
import io.chaosfn.experiment.ExperimentParser;
import io.chaosfn.experiment.Problems;
import io.chaosfn.experiment.Secrets;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** Every problem of a document, its configuration and its secrets, all at once (semantics §2.1). */
public final class ExperimentValidation {
  private ExperimentValidation() {}

  /** @param environment what {@code env} declarations may read (filtered in Lambda) */
  public static Problems problems(ExperimentParser parser, ObjectNode document, Map<String, String> environment) {
    Problems problems = parser.validate(document);
    Configuration.validate(objectOrNull(document, "configuration"), environment, problems);
    Secrets.validate(objectOrNull(document, "secrets"), environment, problems);
    return problems;
  }

  private static ObjectNode objectOrNull(ObjectNode document, String key) {
    return document.path(key).isObject() ? (ObjectNode) document.get(key) : null;
  }
}
