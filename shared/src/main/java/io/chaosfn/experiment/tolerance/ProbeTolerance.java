package io.chaosfn.experiment.tolerance;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code {"type": "probe", "name": ..., "provider": {...}}}: a probe run with the output as its {@code value}
 * argument; met when it returns something truthy in Python's sense (not null, false, 0, "", [] or {}), not met
 * when it fails. The tolerance probe is not journaled.
 */
public record ProbeTolerance(ObjectNode probe) implements Tolerance {
  private static final Logger LOG = LoggerFactory.getLogger(ProbeTolerance.class);

  public ProbeTolerance {
    probe = Objects.requireNonNull(probe, "probe").deepCopy();
  }

  /** A copy: the record stays unchanged whatever the caller does with it. */
  @Override
  public ObjectNode probe() {
    return probe.deepCopy();
  }

  @Override
  public boolean accepts(JsonNode value, ToleranceContext context) {
    // CTK difference: Chaos Toolkit writes `value` into the document's own `arguments` (semantics §10.14) and
    // crashes when there is none; chaosfn writes into a copy and creates `arguments` when it is missing.
    ObjectNode run = probe.deepCopy();
    JsonNode provider = run.get("provider");
    if (!(provider instanceof ObjectNode)) {
      LOG.debug("probe tolerance not met: the probe has no provider object");
      return false;
    }
    JsonNode arguments = provider.get("arguments");
    if (arguments == null || arguments.isNull()) {
      arguments = ((ObjectNode) provider).putObject("arguments");
    }
    if (!(arguments instanceof ObjectNode)) {
      LOG.debug("probe tolerance not met: its provider's arguments are not an object, so `value` cannot be passed");
      return false;
    }
    ((ObjectNode) arguments).set("value", value == null ? NullNode.getInstance() : value.deepCopy());
    try {
      return PythonValues.truthy(context.runProbe(run));
    } catch (RuntimeException failed) {
      LOG.debug("probe tolerance not met: the probe failed: {}", failed.getMessage());
      return false;
    }
  }
}
