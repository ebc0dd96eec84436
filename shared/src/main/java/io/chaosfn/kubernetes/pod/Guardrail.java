package io.chaosfn.kubernetes.pod;

import io.chaosfn.activity.ActivityAudit;
import io.chaosfn.activity.ActivityFailedException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A guardrail that refused an action at run time: recorded under the journal's {@code guardrail} key and
 * raised as the activity's failure (decisions.md §1: the activity fails, the run goes on).
 *
 * @param rule which guardrail: {@code namespace}, {@code empty_selector}, {@code max_pods_per_action},
 *     {@code selector_recheck}
 * @param message what was refused and why
 */
record Guardrail(String rule, String message) {
  static final String NAMESPACE = "namespace";
  static final String EMPTY_SELECTOR = "empty_selector";
  static final String MAX_PODS = "max_pods_per_action";
  static final String RECHECK = "selector_recheck";

  ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("rule", rule);
    json.put("message", message);
    return json;
  }

  /** Records the refusal and returns the failure to throw. */
  ActivityFailedException refuse(ActivityAudit audit) {
    audit.record("guardrail", toJson());
    return new ActivityFailedException(message);
  }
}
