package io.chaosfn.activity;

import io.chaosfn.experiment.Problems;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Chaos Toolkit provider type ({@code http}, {@code process}, {@code python}): a validation twin and a run
 * twin, as in chaoslib's {@code validate_X_activity} / {@code run_X_activity}.
 */
public interface ActivityProvider {
  /** The provider {@code type} it handles. */
  String type();

  /** Reports every problem of the provider object; the path of {@code problems} is the provider's. */
  void validate(
      ObjectNode provider, String activityName, String activityType, JsonNode extension, Problems problems);

  /**
   * Runs the activity.
   *
   * @param provider the provider object with substitution already applied to the fields Chaos Toolkit
   *     substitutes
   * @return the output in Chaos Toolkit's shape (http {status, headers, body}; process {status, stdout,
   *     stderr}; python the function's return value)
   * @throws ActivityFailedException when the activity fails (connection refused, timeout, a native failure)
   */
  JsonNode run(ObjectNode provider, ActivityContext context);
}
