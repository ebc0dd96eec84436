package io.chaosfn.experiment;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A configuration key whose value is the output of a probe (§1.9: {@code {"type": "probe", ...}}), evaluated by
 * the engine in declaration order once the static configuration and the secrets are known.
 */
public record DynamicConfiguration(String key, ObjectNode probe) {
  public DynamicConfiguration {
    Objects.requireNonNull(key, "key");
    probe = probe.deepCopy();
  }
}
