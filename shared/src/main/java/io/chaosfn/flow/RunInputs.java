package io.chaosfn.flow;

import io.chaosfn.activity.ActivityAudit;
import io.chaosfn.activity.ActivityContext;
import io.chaosfn.activity.Providers;
import io.chaosfn.engine.RunContext;
import io.chaosfn.experiment.Configuration;
import io.chaosfn.experiment.DynamicConfiguration;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.ResolvedConfiguration;
import io.chaosfn.experiment.SecretMasker;
import io.chaosfn.experiment.Secrets;
import io.chaosfn.experiment.Substitution;
import io.chaosfn.experiment.document.Vars;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The configuration, secrets and environment a run sees, resolved as Chaos Toolkit does before it starts
 * (semantics §3.2 step 2): vars applied, {@code env} entries read, then dynamic configuration probes evaluated
 * in declaration order, each seeing the keys resolved before it.
 *
 * @param warnings dynamic configuration entries that failed and were left out (Chaos Toolkit only warns)
 */
public record RunInputs(
    ObjectNode configuration,
    ObjectNode secrets,
    Map<String, String> environment,
    RunContext.SecretRedaction redaction,
    List<String> warnings) {
  private static final Logger LOG = LoggerFactory.getLogger(RunInputs.class);

  public RunInputs {
    environment = Map.copyOf(environment);
    warnings = List.copyOf(warnings);
  }

  /**
   * @param environment what {@code env} declarations and activities may read (filtered in Lambda); the vars'
   *     {@code .env} files are added to it
   * @throws io.chaosfn.experiment.InvalidExperimentException when a declaration cannot be resolved
   */
  public static RunInputs resolve(Experiment experiment, Vars vars, Map<String, String> environment,
      Providers providers, Clock clock) {
    Map<String, String> env = vars.environmentOver(environment);
    ResolvedConfiguration resolved = Configuration.resolve(experiment.configuration(), vars.configuration(), env);
    ObjectNode secrets = Secrets.resolve(experiment.secrets(), vars.secrets(), env);
    ObjectNode configuration = resolved.values().deepCopy();
    List<String> warnings = new ArrayList<>();
    for (DynamicConfiguration dynamic : resolved.dynamic()) {
      try {
        JsonNode value = evaluate(dynamic, configuration, secrets, env, providers, clock, experiment);
        if (value != null) {
          configuration.set(dynamic.key(), value);
        } else {
          warnings.add("dynamic configuration '" + dynamic.key() + "' gave no value and was left out");
        }
      } catch (RuntimeException e) {
        LOG.warn("dynamic configuration '{}' failed and was left out", dynamic.key());
        warnings.add("dynamic configuration '" + dynamic.key() + "' failed and was left out: "
            + new SecretMasker(secrets).mask(String.valueOf(e.getMessage())));
      }
    }
    SecretMasker masker = new SecretMasker(secrets);
    RunContext.SecretRedaction redaction = RunContext.SecretRedaction.masking(masker);
    return new RunInputs(configuration, secrets, env, redaction, warnings);
  }

  /** python → return value; process → stdout stripped when it exited 0; http → body (semantics §1.9). */
  private static JsonNode evaluate(DynamicConfiguration dynamic, ObjectNode configuration, ObjectNode secrets,
      Map<String, String> env, Providers providers, Clock clock, Experiment experiment) {
    ObjectNode declared = dynamic.probe().path("provider").isObject()
        ? (ObjectNode) dynamic.probe().get("provider") : JsonNodeFactory.instance.objectNode();
    ObjectNode provider = new Substitution(configuration, secrets).applyToProvider(declared);
    JsonNode output = providers.run(provider, new ActivityContext(configuration, JsonNodeFactory.instance.objectNode(),
        env, ActivityAudit.NONE, clock, experiment.extension(), false));
    switch (provider.path("type").asString("")) {
      case "process":
        return output.path("status").asInt(-1) == 0
            ? JsonNodeFactory.instance.stringNode(output.path("stdout").asString("").strip()) : null;
      case "http":
        return output.get("body");
      default:
        return output;
    }
  }
}
