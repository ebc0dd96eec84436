package io.chaosfn.experiment;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The configuration after literal and {@code env} entries are resolved. {@code dynamic} lists, in declaration
 * order, the probe-valued keys not yet in {@code values}: the engine evaluates each and adds its result.
 */
public record ResolvedConfiguration(ObjectNode values, List<DynamicConfiguration> dynamic) {
  public ResolvedConfiguration {
    values = values.deepCopy();
    dynamic = List.copyOf(dynamic);
  }

  @Override
  public ObjectNode values() {
    return values.deepCopy();
  }
}
