package io.chaosfn.experiment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a provider object while a document is parsed. Implemented by the activity layer, which knows the
 * providers (http, process, python and its native registry); the parser only knows the document's shape.
 */
public interface ProviderValidation {
  /** True when {@code type} names a provider this engine runs. */
  boolean supports(String type);

  /**
   * Reports every problem of the provider object at {@code problems}' path (already {@code ...provider}).
   *
   * @param activityName the activity's name, for Chaos Toolkit's messages that name it
   * @param activityType {@code probe} or {@code action}
   * @param extension the document's {@code chaosfn} extension object (a missing node when it has none)
   */
  void validate(
      ObjectNode provider, String activityName, String activityType, JsonNode extension, Problems problems);
}
