package io.chaosfn.experiment;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The typed view of an experiment's {@code chaosfn} extension (architecture.md): Chaos Toolkit lets vendors keep
 * data under {@code extensions}, and chaosfn keeps its id, schedule, deploy trigger, lock target, guardrails
 * and notification settings there. Every component is null when the document does not give it.
 *
 * <p>{@link #read} checks the shape and collects every problem at its path. It checks what this view types;
 * the schedule expression's grammar is the Scheduler's, and the guardrail values are checked where they are
 * applied ({@code GuardrailPolicy.narrowedBy}), so neither is re-checked here.
 *
 * @param guardrails the {@code guardrails} object as written, empty when absent
 * @param notifications the {@code notify} object
 */
public record ChaosfnExtension(String id, Schedule schedule, DeployTrigger deploy, Target target,
    ObjectNode guardrails, Notify notifications) {
  /** The extension's {@code name}; when a document has several, the last one counts. */
  public static final String NAME = "chaosfn";
  static final List<String> KEYS = List.of("name", "id", "schedule", "triggers", "target", "guardrails", "notify");

  public ChaosfnExtension {
    guardrails = guardrails == null ? JsonNodeFactory.instance.objectNode() : guardrails.deepCopy();
  }

  /** No extension at all: nothing scheduled, no trigger. */
  public static ChaosfnExtension none() {
    return new ChaosfnExtension(null, null, null, null, null, null);
  }

  public Optional<DeployTrigger> deployTrigger() {
    return Optional.ofNullable(deploy);
  }

  /**
   * {@code schedule}: an EventBridge Scheduler expression ({@code rate(...)}, {@code cron(...)} or
   * {@code at(...)}), its time zone (default UTC), whether it is enabled (default true), and an optional flexible
   * window in minutes.
   */
  public record Schedule(String expression, ZoneId timezone, boolean enabled, Integer flexibleWindowMinutes) {
    public Schedule {
      Objects.requireNonNull(expression, "expression");
      Objects.requireNonNull(timezone, "timezone");
    }
  }

  /**
   * {@code triggers.deploy}: which deploys start the experiment, and how long the run first waits for the
   * rollout to be healthy.
   *
   * @param match the keys to compare with a deploy (any of {@code namespace}, {@code workload},
   *     {@code repository}, {@code revision}); at least one
   */
  public record DeployTrigger(Map<String, String> match, Duration waitForRollout) {
    public static final List<String> MATCH_KEYS = List.of("namespace", "workload", "repository", "revision");

    public DeployTrigger {
      match = Map.copyOf(match);
      Objects.requireNonNull(waitForRollout, "waitForRollout");
      if (match.isEmpty()) {
        throw new IllegalArgumentException("a deploy trigger matches on at least one key");
      }
      if (!MATCH_KEYS.containsAll(match.keySet())) {
        throw new IllegalArgumentException("match keys must be among " + MATCH_KEYS + ", found " + match.keySet());
      }
    }
  }

  /** {@code target}: what the run locks, so that two runs never act on the same thing at once. */
  public record Target(String cluster, String namespace) {}

  /** {@code notify}: where the outcome is posted. */
  public record Notify(String slackChannel) {}

  /**
   * Reads the extension object (as {@code Experiment.extension()} holds it; a missing node gives {@link #none()}).
   *
   * @throws InvalidExperimentException with every problem, each at its path under {@code extensions.chaosfn}
   */
  public static ChaosfnExtension parse(JsonNode extension) {
    Problems problems = new Problems();
    ChaosfnExtension parsed = read(extension, problems.at("extensions").at("chaosfn"));
    if (!problems.isEmpty()) {
      throw new InvalidExperimentException(problems.list());
    }
    return parsed;
  }

  /**
   * Reads a document's {@code chaosfn} extension (the last one so named, as {@link ExperimentParser} takes it),
   * adding every problem to {@code problems} (positioned at the document) at its path, such as
   * {@code extensions[0].schedule.expression}; {@link #none()} when the document has none.
   */
  public static ChaosfnExtension fromDocument(ObjectNode document, Problems problems) {
    JsonNode extensions = document.path("extensions");
    int last = -1;
    for (int i = 0; i < extensions.size(); i++) {
      if (NAME.equals(extensions.get(i).path("name").asString("").trim())) {
        last = i;
      }
    }
    return last < 0 ? none() : read(extensions.get(last), problems.at("extensions").at(last));
  }

  /**
   * Reads the extension object, adding every problem to {@code problems} (positioned at the extension); the
   * parts with problems are left null.
   */
  public static ChaosfnExtension read(JsonNode extension, Problems problems) {
    if (extension == null || extension.isMissingNode() || extension.isNull()) {
      return none();
    }
    if (!extension.isObject()) {
      problems.add("the chaosfn extension must be an object, found " + JsonKind.of(extension));
      return none();
    }
    for (String key : extension.propertyNames()) {
      if (!KEYS.contains(key)) {
        problems.at(key).add("unknown key; expected one of " + KEYS + CloseMatches.suggest(key, KEYS));
      }
    }
    Fields fields = new Fields(extension, problems);
    String id = fields.text("id");
    Schedule schedule = fields.object("schedule").map(node -> schedule(node, problems.at("schedule"))).orElse(null);
    DeployTrigger deploy = fields.object("triggers")
        .flatMap(triggers -> new Fields(triggers, problems.at("triggers")).object("deploy"))
        .map(node -> deploy(node, problems.at("triggers").at("deploy")))
        .orElse(null);
    Target target = fields.object("target").map(node -> {
      Fields targetFields = new Fields(node, problems.at("target"));
      return new Target(targetFields.text("cluster"), targetFields.text("namespace"));
    }).orElse(null);
    ObjectNode guardrails = fields.object("guardrails").map(ObjectNode.class::cast).orElse(null);
    Notify notify = fields.object("notify").map(node -> new Notify(new Fields(node, problems.at("notify"))
        .text("slack_channel"))).orElse(null);
    return new ChaosfnExtension(id, schedule, deploy, target, guardrails, notify);
  }

  private static Schedule schedule(JsonNode node, Problems problems) {
    Fields fields = new Fields(node, problems);
    String expression = fields.text("expression");
    if (expression == null) {
      problems.at("expression").add("a schedule needs an expression: rate(...), cron(...) or at(...)");
    } else {
      List<String> invalid = ScheduleExpression.problems(expression);
      invalid.forEach(problems.at("expression")::add);
      expression = invalid.isEmpty() ? expression : null;
    }
    String zone = fields.text("timezone");
    ZoneId timezone = ZoneId.of("UTC");
    if (zone != null) {
      try {
        timezone = ZoneId.of(zone);
      } catch (DateTimeException e) {
        problems.at("timezone").add("expected an IANA time zone such as Europe/Paris, found '" + zone + "'");
      }
    }
    // Minutes, or off (YAML 1.1 reads an unquoted off as false): the same rule ScheduleSync applies.
    JsonNode windowNode = node.path("flexible_window");
    boolean off = windowNode.isBoolean() && !windowNode.booleanValue() || "off".equals(windowNode.asString(""));
    Integer window = off ? null : fields.integer("flexible_window", 1, 1440);
    Boolean enabled = fields.bool("enabled");
    return expression == null ? null : new Schedule(expression, timezone, enabled == null || enabled, window);
  }

  private static DeployTrigger deploy(JsonNode node, Problems problems) {
    Fields fields = new Fields(node, problems);
    Map<String, String> match = new LinkedHashMap<>();
    fields.object("match").ifPresentOrElse(matchNode -> {
      Fields matchFields = new Fields(matchNode, problems.at("match"));
      for (String key : matchNode.propertyNames()) {
        if (!DeployTrigger.MATCH_KEYS.contains(key)) {
          problems.at("match").at(key).add("unknown match key; expected one of " + DeployTrigger.MATCH_KEYS
              + CloseMatches.suggest(key, DeployTrigger.MATCH_KEYS));
        } else if (matchFields.text(key) != null) {
          match.put(key, matchNode.get(key).asString());
        }
      }
      if (matchNode.isEmpty()) {
        problems.at("match").add("match on at least one of " + DeployTrigger.MATCH_KEYS);
      }
    }, () -> problems.at("match").add("a deploy trigger needs a match object"));
    // The wait happens inside the run's own invocation, which Lambda stops at 15 minutes.
    Integer wait = fields.integer("wait_for_rollout_seconds", 0, 900);
    return match.isEmpty() || match.size() != node.path("match").size() ? null
        : new DeployTrigger(match, Duration.ofSeconds(wait == null ? 0 : wait));
  }

  /** Typed reads of one object's fields, each wrong type a problem at the field's path. */
  private record Fields(JsonNode node, Problems problems) {
    Optional<JsonNode> object(String key) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      if (!value.isObject()) {
        problems.at(key).add("expected an object, found " + JsonKind.of(value));
        return Optional.empty();
      }
      return Optional.of(value);
    }

    String text(String key) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isString() || value.asString().isBlank()) {
        problems.at(key).add("expected a non-empty string, found "
            + (value.isString() ? "an empty string" : JsonKind.of(value)));
        return null;
      }
      return value.asString();
    }

    Boolean bool(String key) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isBoolean()) {
        problems.at(key).add("expected true or false, found " + JsonKind.of(value));
        return null;
      }
      return value.booleanValue();
    }

    Integer integer(String key, int min, int max) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
          || value.intValue() > max) {
        problems.at(key).add("expected a whole number from " + min + " to " + max + ", found " + value);
        return null;
      }
      return value.intValue();
    }
  }
}
