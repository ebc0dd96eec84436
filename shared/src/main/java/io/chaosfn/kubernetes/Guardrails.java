package io.chaosfn.kubernetes;

import io.chaosfn.activity.ActivityAudit;
import io.chaosfn.activity.ActivityFailedException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A guardrail refusal at run time: recorded under the journal's {@code guardrail} key as {@code {rule, message}}
 * and raised as the activity's failure (decisions.md §1: the activity fails, the run goes on).
 */
public final class Guardrails {
  /** The namespace is denied, or not among the allowed ones. */
  public static final String NAMESPACE = "namespace";
  /** Neither a label selector nor a name pattern, and no explicit {@code all: true}. */
  public static final String EMPTY_SELECTOR = "empty_selector";
  /** More pods selected than one action may delete. */
  public static final String MAX_PODS = "max_pods_per_action";
  /** A selected pod is outside the namespace or does not match the label selector. */
  public static final String RECHECK = "selector_recheck";

  private Guardrails() {}

  public static ObjectNode record(String rule, String message) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("rule", rule);
    json.put("message", message);
    return json;
  }

  /** Records the refusal in {@code audit} and returns the failure to throw. */
  public static ActivityFailedException refuse(ActivityAudit audit, String rule, String message) {
    audit.record("guardrail", record(rule, message));
    return new ActivityFailedException(message);
  }
}
