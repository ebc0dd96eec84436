package io.chaosfn.activity;

import io.chaosfn.experiment.CloseMatches;
import io.chaosfn.experiment.Problems;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps the {@code module} + {@code func} of a Chaos Toolkit {@code python} provider to a native activity, and
 * checks a document's arguments against it the way Chaos Toolkit binds them to the Python signature.
 */
public final class ActivityRegistry {
  private final Map<String, NativeActivity> activities;
  private final Set<String> unsupported;

  private ActivityRegistry(Map<String, NativeActivity> activities, Set<String> unsupported) {
    this.activities = Map.copyOf(activities);
    this.unsupported = Set.copyOf(unsupported);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<NativeActivity> find(String module, String func) {
    return Optional.ofNullable(activities.get(module + "." + func));
  }

  public Collection<NativeActivity> all() {
    return activities.values();
  }

  /**
   * Reports, at the provider's path, an unknown module or function (naming the supported close matches), a
   * missing required argument and an unknown argument. Returns the activity when it was found.
   */
  public Optional<NativeActivity> validate(
      String module, String func, ObjectNode arguments, JsonNode extension, String activityName,
      Problems provider) {
    NativeActivity activity = activities.get(module + "." + func);
    if (activity == null) {
      reportUnknown(module, func, activityName, provider);
      return Optional.empty();
    }
    Problems args = provider.at("arguments");
    Set<String> known = activity.parameters().stream().map(Parameter::name).collect(Collectors.toSet());
    for (Parameter parameter : activity.parameters()) {
      if (parameter.required() && (arguments == null || !arguments.has(parameter.name()))) {
        args.add("required argument '" + parameter.name() + "' is missing from activity '" + func + "'");
      }
    }
    if (arguments != null) {
      for (String name : arguments.propertyNames()) {
        if (!known.contains(name)) {
          args.at(name).add("argument '" + name + "' is not part of the function signature in activity '"
              + func + "'" + CloseMatches.suggest(name, known));
        }
      }
      activity.validate(arguments, extension, args);
    }
    return Optional.of(activity);
  }

  private void reportUnknown(String module, String func, String activityName, Problems provider) {
    Set<String> modules = activities.values().stream().map(NativeActivity::module)
        .collect(Collectors.toCollection(TreeSet::new));
    String qualified = module + "." + func;
    if (unsupported.stream().anyMatch(u -> qualified.equals(u) || qualified.startsWith(u + "."))) {
      provider.at(unsupported.contains(qualified) ? "func" : "module")
          .add("'" + qualified + "' is not supported by chaosfn yet");
    } else if (!modules.contains(module)) {
      provider.at("module").add("could not find Python module '" + module + "' in activity '" + activityName
          + "'; chaosfn runs native implementations of these modules only" + CloseMatches.suggest(module, modules));
    } else {
      Set<String> funcs = activities.values().stream().filter(a -> a.module().equals(module))
          .map(NativeActivity::func).collect(Collectors.toCollection(TreeSet::new));
      provider.at("func").add("The python module '" + module + "' does not expose a function called '" + func
          + "' in activity '" + activityName + "'" + CloseMatches.suggest(func, funcs));
    }
  }

  /**
   * Collects activities; a second activity under the same name, or an unsupported name that covers a registered
   * activity, is a programming error.
   */
  public static final class Builder {
    private final Map<String, NativeActivity> activities = new LinkedHashMap<>();
    private final Set<String> unsupported = new TreeSet<>(Comparator.naturalOrder());

    private Builder() {}

    public Builder add(NativeActivity activity) {
      NativeActivity previous = activities.putIfAbsent(activity.qualifiedName(), activity);
      if (previous != null) {
        throw new IllegalArgumentException("two native activities named " + activity.qualifiedName());
      }
      return this;
    }

    public Builder addAll(NativeActivities group) {
      group.activities().forEach(this::add);
      return this;
    }

    /**
     * Declares Python functions that exist in an extension but not here yet, so validation says "not supported
     * by chaosfn yet" instead of "unknown module" or "does not expose a function". {@code name} is either a
     * module prefix ({@code chaosk8s.node} covers every function of {@code chaosk8s.node.actions} and
     * {@code chaosk8s.node.probes}) or one function's full {@code module.func} name
     * ({@code chaosk8s.pod.actions.exec_in_pods}) in a module whose other functions are supported.
     *
     * @throws IllegalArgumentException when {@code name} is blank
     */
    public Builder unsupported(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("an unsupported name must be a module prefix or a module.func name");
      }
      unsupported.add(name);
      return this;
    }

    /**
     * @throws IllegalArgumentException when an unsupported name covers a registered activity
     */
    public ActivityRegistry build() {
      for (String name : unsupported) {
        activities.keySet().stream().filter(q -> q.equals(name) || q.startsWith(name + ".")).findFirst()
            .ifPresent(q -> {
              throw new IllegalArgumentException("'" + name + "' is declared unsupported but " + q
                  + " is registered");
            });
      }
      return new ActivityRegistry(activities, unsupported);
    }
  }
}
