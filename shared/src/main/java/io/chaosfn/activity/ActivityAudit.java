package io.chaosfn.activity;

import tools.jackson.databind.JsonNode;

/**
 * Where an activity records the decisions behind what it did (which pods it selected and why, the grace
 * period, a guardrail that refused, what a dry run would have deleted). The engine writes them into the
 * journal's {@code chaosfn.activities} entry for this activity, never into the Chaos Toolkit output.
 */
public interface ActivityAudit {
  /** Records {@code value} under {@code key}; a later call with the same key replaces it. */
  void record(String key, JsonNode value);

  /** An audit that keeps nothing, for activities run outside a journal (dynamic configuration, tolerances). */
  ActivityAudit NONE = (key, value) -> {};
}
