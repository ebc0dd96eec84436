package io.chaosfn.activity;

import io.chaosfn.experiment.Problems;
import io.chaosfn.experiment.ProviderValidation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The providers a run may use, by type. A type left out (e.g. {@code process} in Lambda) is refused. */
public final class Providers implements ProviderValidation {
  private final Map<String, ActivityProvider> byType;

  public Providers(List<ActivityProvider> providers) {
    Map<String, ActivityProvider> map = new LinkedHashMap<>();
    for (ActivityProvider provider : providers) {
      if (map.putIfAbsent(provider.type(), provider) != null) {
        throw new IllegalArgumentException("two providers of type " + provider.type());
      }
    }
    this.byType = Map.copyOf(map);
  }

  @Override
  public boolean supports(String type) {
    return byType.containsKey(type);
  }

  @Override
  public void validate(
      ObjectNode provider, String activityName, String activityType, JsonNode extension, Problems problems) {
    JsonNode type = provider.get("type");
    ActivityProvider implementation = type == null ? null : byType.get(type.asString(""));
    if (implementation != null) {
      implementation.validate(provider, activityName, activityType, extension, problems);
    }
  }

  /**
   * Runs the provider named by the object's {@code type}.
   *
   * @throws ActivityFailedException when the provider fails, or when its type is not enabled here
   */
  public JsonNode run(ObjectNode provider, ActivityContext context) {
    String type = provider.path("type").asString("");
    ActivityProvider implementation = byType.get(type);
    if (implementation == null) {
      throw new ActivityFailedException("unknown provider type '" + type + "'");
    }
    return implementation.run(provider, context);
  }
}
