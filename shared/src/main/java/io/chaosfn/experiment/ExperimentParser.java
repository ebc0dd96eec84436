package io.chaosfn.experiment;

import io.chaosfn.experiment.tolerance.Tolerances;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a loaded document into an {@link Experiment}, applying Chaos Toolkit's validation rules (semantics §2)
 * but reporting every problem at once, each with its path. Nothing runs from a document with a problem.
 *
 * <p>Configuration and secret declarations are checked by {@link Configuration} and {@link Secrets}, which need
 * the environment; this class checks the document's shape.
 */
public final class ExperimentParser {
  private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{.+\\}$");

  private final ProviderValidation providers;
  private final Map<String, Function<ObjectNode, List<String>>> nativeControls;

  /**
   * @param nativeControls the Python control modules chaosfn implements, each with the check of its declared
   *     provider; any other module named in a document is a warning and is ignored (decisions.md §4)
   */
  public ExperimentParser(ProviderValidation providers,
      Map<String, Function<ObjectNode, List<String>>> nativeControls) {
    this.providers = providers;
    this.nativeControls = Map.copyOf(nativeControls);
  }

  /**
   * Parses and validates.
   *
   * @throws InvalidExperimentException with every problem found
   */
  public Experiment parse(ObjectNode document) {
    Problems problems = new Problems();
    Experiment experiment = walk(document, problems, false);
    if (!problems.isEmpty()) {
      throw new InvalidExperimentException(problems.list());
    }
    return experiment;
  }

  /** Every problem of the document, empty when it is valid; warnings are not included. */
  public Problems validate(ObjectNode document) {
    Problems problems = new Problems();
    walk(document, problems, false);
    return problems;
  }

  /**
   * Parses without refusing anything ({@code --no-validation}): what validation would have refused surfaces
   * when it runs, as in Chaos Toolkit — an unresolved reference aborts the run, a bad provider fails its
   * activity.
   */
  public Experiment parseLeniently(ObjectNode document) {
    return walk(document, new Problems(), true);
  }

  private Experiment walk(ObjectNode document, Problems problems, boolean lenient) {
    if (document == null || document.isEmpty()) {
      problems.add("an empty experiment is not an experiment");
      return null;
    }
    String title = requiredText(document, "title", "experiment requires a title", problems);
    String description =
        requiredText(document, "description", "experiment requires a description", problems);
    checkTags(document.get("tags"), problems.at("tags"));
    JsonNode extension = checkExtensions(document.get("extensions"), problems.at("extensions"));
    ObjectNode configuration = objectOrEmpty(document, "configuration", problems);
    ObjectNode secrets = objectOrEmpty(document, "secrets", problems);

    Map<String, Control> topControls = new HashMap<>();
    List<Control> controls = controls(document.get("controls"), problems.at("controls"), topControls);

    Map<String, ObjectNode> byName = namedActivities(document);
    Hypothesis hypothesis = hypothesis(document, byName, extension, problems, lenient, topControls);

    JsonNode methodNode = document.get("method");
    List<Activity> method = List.of();
    if (methodNode == null || methodNode.isNull()) {
      problems.at("method").add(
          "an experiment requires a method, which can be empty for only checking steady state hypothesis");
    } else if (!methodNode.isArray()) {
      problems.at("method").add("method must be a list of activities, found " + describe(methodNode));
    } else {
      method = activities(methodNode, problems.at("method"), byName, extension, lenient, topControls);
    }
    List<Activity> rollbacks = List.of();
    JsonNode rollbacksNode = document.get("rollbacks");
    if (rollbacksNode != null && !rollbacksNode.isNull()) {
      if (!rollbacksNode.isArray()) {
        problems.at("rollbacks").add("rollbacks must be a list of activities, found " + describe(rollbacksNode));
      } else {
        // CTK difference: rollback references are resolved and checked like the method's; Chaos Toolkit
        // crashes at run time on an unresolved one, after the method has already done its damage.
        rollbacks = activities(rollbacksNode, problems.at("rollbacks"), byName, extension, lenient, topControls);
      }
    }
    JsonNode runtime = document.get("runtime");
    HypothesisStrategy runtimeHypothesis = null;
    RollbackStrategy runtimeRollbacks = null;
    boolean hasRuntime = runtime != null && runtime.isObject() && !runtime.isEmpty();
    if (runtime != null && !runtime.isNull() && !runtime.isObject()) {
      problems.at("runtime").add("runtime must be an object, found " + describe(runtime));
    } else if (hasRuntime) {
      runtimeHypothesis = strategy(runtime, "hypothesis", problems.at("runtime"),
          name -> HypothesisStrategy.fromName(name, true).orElse(null));
      runtimeRollbacks = strategy(runtime, "rollbacks", problems.at("runtime"),
          name -> RollbackStrategy.fromName(name).orElse(null));
    }
    if (!problems.isEmpty() && !lenient) {
      return null;
    }
    return new Experiment(document, title == null ? "" : title, description == null ? "" : description,
        configuration, secrets, hypothesis, method, rollbacks, controls, runtimeHypothesis, runtimeRollbacks,
        hasRuntime, extension, problems.warnings());
  }

  private static String requiredText(ObjectNode document, String key, String message, Problems problems) {
    JsonNode node = document.get(key);
    if (node == null || node.isNull() || (node.isString() && node.asString().isEmpty())) {
      problems.at(key).add(message);
      return null;
    }
    if (!node.isString()) {
      problems.at(key).add(message + " as a string, found " + describe(node));
      return null;
    }
    return node.asString();
  }

  private static void checkTags(JsonNode tags, Problems problems) {
    if (tags == null || tags.isNull()) {
      return;
    }
    if (!tags.isArray()) {
      problems.add("experiment tags must be a list of non-empty strings, found " + describe(tags));
      return;
    }
    for (int i = 0; i < tags.size(); i++) {
      JsonNode tag = tags.get(i);
      if (!tag.isString() || tag.asString().isEmpty()) {
        problems.at(i).add("experiment tags must be a non-empty string");
      }
    }
  }

  private static JsonNode checkExtensions(JsonNode extensions, Problems problems) {
    JsonNode chaosfn = MissingNode.getInstance();
    if (extensions == null || extensions.isNull()) {
      return chaosfn;
    }
    if (!extensions.isArray()) {
      problems.add("extensions must be a list of objects, found " + describe(extensions));
      return chaosfn;
    }
    int last = -1;
    for (int i = 0; i < extensions.size(); i++) {
      JsonNode extension = extensions.get(i);
      JsonNode name = extension.path("name");
      if (!extension.isObject() || !name.isString() || name.asString().isBlank()) {
        problems.at(i).add("All extensions require a non-empty name");
      } else if (ChaosfnExtension.NAME.equals(name.asString().trim())) {
        last = i;
      }
    }
    if (last < 0) {
      return chaosfn;
    }
    // Chaos Toolkit ignores vendor extensions; ours drives schedules and deploy triggers, so a mistake in it is
    // reported by validate rather than discovered when no run happens.
    ChaosfnExtension.read(extensions.get(last), problems.at(last));
    return extensions.get(last);
  }

  private static ObjectNode objectOrEmpty(ObjectNode document, String key, Problems problems) {
    JsonNode node = document.get(key);
    if (node == null || node.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!node.isObject()) {
      problems.at(key).add(key + " must be an object, found " + describe(node));
      return JsonNodeFactory.instance.objectNode();
    }
    if ("secrets".equals(key)) {
      for (Map.Entry<String, JsonNode> scope : node.properties()) {
        if (!scope.getValue().isObject()) {
          problems.at(key).at(scope.getKey())
              .add("a secret scope must be an object of secrets, found " + describe(scope.getValue()));
        }
      }
    }
    return (ObjectNode) node;
  }

  /**
   * Activities a {@code ref} may name, keyed as Chaos Toolkit builds its cache (semantics §1.5): the method, then
   * the hypothesis probes, so on a duplicate name the hypothesis probe wins and within a list the last one.
   */
  private static Map<String, ObjectNode> namedActivities(ObjectNode document) {
    Map<String, ObjectNode> byName = new HashMap<>();
    List<JsonNode> candidates = new ArrayList<>();
    document.path("method").values().forEach(candidates::add);
    document.path("steady-state-hypothesis").path("probes").values().forEach(candidates::add);
    for (JsonNode candidate : candidates) {
      if (candidate.isObject() && candidate.path("name").isString() && !candidate.has("ref")) {
        byName.put(candidate.get("name").asString(), (ObjectNode) candidate);
      }
    }
    return byName;
  }

  private Hypothesis hypothesis(ObjectNode document, Map<String, ObjectNode> byName, JsonNode extension,
      Problems problems, boolean lenient, Map<String, Control> topControls) {
    JsonNode node = document.get("steady-state-hypothesis");
    Problems at = problems.at("steady-state-hypothesis");
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      at.add("hypothesis must be an object, found " + describe(node));
      return null;
    }
    JsonNode title = node.get("title");
    if (title == null || !title.isString() || title.asString().isEmpty()) {
      at.at("title").add("hypothesis requires a title");
    }
    List<Control> controls = controls(node.get("controls"), at.at("controls"), topControls);
    JsonNode probesNode = node.get("probes");
    List<Activity> probes = new ArrayList<>();
    if (probesNode != null && !probesNode.isNull()) {
      if (!probesNode.isArray()) {
        at.at("probes").add("hypothesis probes must be a list, found " + describe(probesNode));
      } else {
        for (int i = 0; i < probesNode.size(); i++) {
          Problems probeAt = at.at("probes").at(i);
          JsonNode stub = probesNode.get(i);
          Activity probe = activity(stub, probeAt, byName, extension, lenient, topControls);
          if (stub.isObject() && !stub.has("tolerance")) {
            probeAt.add("hypothesis probe must have a tolerance entry");
          } else if (stub.isObject()) {
            Tolerances.parse(stub.get("tolerance"), probeAt.at("tolerance"),
                (toleranceProbe, at2) -> activity(toleranceProbe, at2, Map.of(), extension, false, new HashMap<>()));
          }
          if (probe != null) {
            // A ref stub carries the tolerance; the provider comes from the referenced probe (semantics §1.5).
            probes.add(stub.has("ref") && probe.missingRef() == null
                ? withTolerance(probe, stub.get("tolerance")) : probe);
          }
        }
      }
    }
    if (probes.isEmpty()) {
      return null;
    }
    return new Hypothesis(title == null ? "" : title.asString(""), probes, controls, (ObjectNode) node);
  }

  private static Activity withTolerance(Activity probe, JsonNode tolerance) {
    ObjectNode source = probe.source().deepCopy();
    if (tolerance != null) {
      source.set("tolerance", tolerance);
    }
    return new Activity(probe.kind(), probe.name(), probe.provider(), tolerance, probe.pauseBefore(),
        probe.pauseAfter(), probe.background(), probe.controls(), source, null);
  }

  private List<Activity> activities(JsonNode list, Problems problems, Map<String, ObjectNode> byName,
      JsonNode extension, boolean lenient, Map<String, Control> topControls) {
    List<Activity> activities = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Activity activity = activity(list.get(i), problems.at(i), byName, extension, lenient, topControls);
      if (activity != null) {
        activities.add(activity);
      }
    }
    return activities;
  }

  private Activity activity(JsonNode node, Problems problems, Map<String, ObjectNode> byName,
      JsonNode extension, boolean lenient, Map<String, Control> topControls) {
    if (node == null || node.isNull() || (node.isObject() && node.isEmpty())) {
      problems.add("empty activity is no activity");
      return null;
    }
    if (!node.isObject()) {
      problems.add("an activity must be an object, found " + describe(node));
      return null;
    }
    if (node.has("ref")) {
      JsonNode ref = node.get("ref");
      if (!ref.isString() || ref.asString().isEmpty()) {
        problems.at("ref").add("reference to activity must be non-empty strings");
        return null;
      }
      ObjectNode target = byName.get(ref.asString());
      if (target == null) {
        problems.at("ref").add("referenced activity '" + ref.asString() + "' could not be found in the experiment"
            + CloseMatches.suggest(ref.asString(), byName.keySet()));
        return lenient ? new Activity(ActivityKind.ACTION, ref.asString(), null, null, null, null, false,
            List.of(), (ObjectNode) node, ref.asString()) : null;
      }
      return activity(target, problems, Map.of(), extension, lenient, topControls);
    }
    ObjectNode object = (ObjectNode) node;
    int before = problems.count();
    ActivityKind kind = kind(object.get("type"), problems.at("type"));
    JsonNode nameNode = object.get("name");
    String name = nameNode != null && nameNode.isString() ? nameNode.asString() : "";
    if (name.isEmpty()) {
      problems.at("name").add("an activity must have a name");
    }
    ObjectNode provider = provider(object.get("provider"), name, kind, extension, problems.at("provider"));
    JsonNode timeout = object.get("timeout");
    if (timeout != null && !timeout.isNull() && !timeout.isNumber()) {
      problems.at("timeout").add("activity timeout must be a number");
    }
    JsonNode pauses = object.get("pauses");
    JsonNode pauseBefore = pause(pauses, "before", problems.at("pauses"));
    JsonNode pauseAfter = pause(pauses, "after", problems.at("pauses"));
    JsonNode background = object.get("background");
    if (background != null && !background.isBoolean()) {
      problems.at("background").add("activity background must be a boolean");
    }
    List<Control> controls = controls(object.get("controls"), problems.at("controls"), topControls);
    if (problems.count() > before && !lenient) {
      return null;
    }
    return new Activity(kind == null ? ActivityKind.ACTION : kind, name, provider, object.get("tolerance"),
        pauseBefore, pauseAfter, background != null && background.asBoolean(false), controls, object, null);
  }

  private static ActivityKind kind(JsonNode type, Problems problems) {
    if (type == null || type.isNull()) {
      problems.add("an activity must have a type");
      return null;
    }
    try {
      return ActivityKind.fromDocument(type.asString(""));
    } catch (IllegalArgumentException e) {
      problems.add("'" + (type.isString() ? type.asString() : type.toString())
          + "' is not a supported activity type; expected 'probe' or 'action'");
      return null;
    }
  }

  private ObjectNode provider(JsonNode node, String activityName, ActivityKind kind, JsonNode extension,
      Problems problems) {
    if (node == null || node.isNull()) {
      problems.add("an activity requires a provider");
      return null;
    }
    if (!node.isObject()) {
      problems.add("an activity provider must be an object, found " + describe(node));
      return null;
    }
    JsonNode type = node.get("type");
    if (type == null || type.isNull()) {
      problems.at("type").add("a provider must have a type");
    } else if (!type.isString() || !providers.supports(type.asString())) {
      problems.at("type").add("unknown provider type '" + type.asString(type.toString())
          + "'; expected 'python', 'http' or 'process'");
    } else {
      providers.validate((ObjectNode) node, activityName, kind == null ? "activity" : kind.documentName(),
          extension, problems);
    }
    return (ObjectNode) node;
  }

  private static JsonNode pause(JsonNode pauses, String which, Problems problems) {
    if (pauses == null || !pauses.isObject()) {
      if (pauses != null && !pauses.isNull() && "before".equals(which)) {
        problems.add("activity pauses must be an object with 'before' and/or 'after', found " + describe(pauses));
      }
      return null;
    }
    JsonNode value = pauses.get(which);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      if (value.asDouble() < 0) {
        problems.at(which).add("activity " + which + " pause must not be negative");
      }
      return value;
    }
    if (value.isString() && PLACEHOLDER.matcher(value.asString()).matches()) {
      return value;
    }
    problems.at(which).add("activity " + which
        + " pause must be a number or a pattern to a variable from the configuration or secrets");
    return null;
  }

  private List<Control> controls(JsonNode node, Problems problems, Map<String, Control> topControls) {
    List<Control> controls = new ArrayList<>();
    if (node == null || node.isNull()) {
      return controls;
    }
    if (!node.isArray()) {
      problems.add("controls must be a list, found " + describe(node));
      return controls;
    }
    for (int i = 0; i < node.size(); i++) {
      Control control = control(node.get(i), problems.at(i), topControls);
      if (control != null) {
        controls.add(control);
      }
    }
    return controls;
  }

  private Control control(JsonNode node, Problems problems, Map<String, Control> topControls) {
    if (!node.isObject()) {
      problems.add("a control must be an object, found " + describe(node));
      return null;
    }
    JsonNode name = node.get("name");
    if (name == null || !name.isString() || name.asString().isEmpty()) {
      problems.at("name").add("A control must have a `name` property");
      return null;
    }
    String controlName = name.asString();
    if (node.has("ref")) {
      String ref = node.get("ref").asString("");
      if (!topControls.containsKey(ref)) {
        problems.at("ref").add("Control reference '" + ref + "' declaration cannot be found");
        return null;
      }
      return new Control(controlName, null, true, null, ref);
    }
    JsonNode scope = node.get("scope");
    if (scope != null && !scope.isNull()
        && !("before".equals(scope.asString("")) || "after".equals(scope.asString("")))) {
      problems.at("scope").add("Control '" + controlName + "' scope property must be 'before' or 'after' only");
    }
    JsonNode provider = node.get("provider");
    if (provider == null || !provider.isObject()) {
      problems.at("provider").add("Control '" + controlName + "' must have a `provider` property");
      return null;
    }
    if ("python".equals(provider.path("type").asString(""))) {
      String module = provider.path("module").asString("");
      if (module.isEmpty()) {
        problems.at("provider").at("module").add("Control '" + controlName + "' must have a module path");
        return null;
      }
      Function<ObjectNode, List<String>> check = nativeControls.get(module);
      if (check == null) {
        problems.warn("control '" + controlName + "' (" + module
            + ") is not supported by chaosfn and is ignored");
      } else {
        check.apply((ObjectNode) provider).forEach(problems.at("provider").at("arguments")::add);
      }
    } else {
      problems.warn("control '" + controlName + "' has a provider of type '"
          + provider.path("type").asString("") + "', which chaosfn does not run; it is ignored");
    }
    JsonNode automatic = node.get("automatic");
    Control control = new Control(controlName, scope == null || scope.isNull() ? null : scope.asString(),
        automatic == null || automatic.asBoolean(true), (ObjectNode) provider, null);
    topControls.putIfAbsent(controlName, control);
    return control;
  }

  private static <T> T strategy(JsonNode runtime, String key, Problems problems,
      java.util.function.Function<String, T> parse) {
    JsonNode strategy = runtime.path(key).path("strategy");
    if (strategy.isMissingNode() || strategy.isNull()) {
      return null;
    }
    T value = strategy.isString() ? parse.apply(strategy.asString()) : null;
    if (value == null) {
      // CTK difference: Chaos Toolkit crashes later on an unknown strategy name; we refuse it up front.
      problems.at(key).at("strategy").add("unknown " + key + " strategy " + strategy
          + ("hypothesis".equals(key)
              ? "; expected default, before-method-only, after-method-only, during-method-only, continuously or skip"
              : "; expected default, always, never or deviated"));
    }
    return value;
  }

  static String describe(JsonNode node) {
    if (node.isString()) {
      return "a string";
    }
    if (node.isIntegralNumber()) {
      return "an integer";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "an object";
    }
    return "null";
  }
}
