package io.chaosfn.activity;

import java.time.Clock;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a running activity may see besides its arguments.
 *
 * @param configuration the resolved configuration of the run
 * @param secrets the provider's secret scopes merged into one flat map (later scopes overwrite earlier keys), as
 *     Chaos Toolkit passes {@code secrets} to a Python function
 * @param environment the environment that activities may read; in Lambda it is filtered (decisions.md §4)
 * @param audit where the activity records its decisions for the journal
 * @param clock the run's clock
 * @param extension the document's {@code chaosfn} extension object (a missing node when it has none), for
 *     per-experiment guardrails
 * @param dry true when the run's dry mode skips this activity: {@link NativeActivity#dryRun} is called instead
 */
public record ActivityContext(
    ObjectNode configuration,
    ObjectNode secrets,
    Map<String, String> environment,
    ActivityAudit audit,
    Clock clock,
    JsonNode extension,
    boolean dry) {
  public ActivityContext {
    environment = Map.copyOf(environment);
  }
}
