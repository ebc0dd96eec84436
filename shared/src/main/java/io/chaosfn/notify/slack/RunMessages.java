package io.chaosfn.notify.slack;

import io.chaosfn.engine.Phase;
import io.chaosfn.engine.RunContext.SecretRedaction;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.RunItem;
import io.chaosfn.engine.journal.SteadyState;
import io.chaosfn.engine.journal.Trigger;
import io.chaosfn.notify.Headline;
import io.chaosfn.store.ExperimentHistory;
import io.chaosfn.store.Outcome;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The text of a run's Slack messages, in Slack's mrkdwn. Every value taken from the run goes through the run's
 * secret redaction and is shortened, so a probe that echoes a token or a megabyte of HTML cannot leak or flood.
 */
final class RunMessages {
  static final int VALUE_LIMIT = 300;
  private final String title;
  private final String runId;
  private final Trigger trigger;
  private final ExperimentHistory previous;
  private final URI journalApi;
  private final SecretRedaction redaction;

  RunMessages(String title, String runId, Trigger trigger, ExperimentHistory previous, URI journalApi,
      SecretRedaction redaction) {
    this.title = redaction.redact(title);
    this.runId = runId;
    this.trigger = trigger;
    this.previous = previous;
    this.journalApi = journalApi;
    this.redaction = redaction;
  }

  /** The root message while the run goes on. */
  String running() {
    return String.join("\n", ":hourglass_flowing_sand: *Running* — *" + escape(title) + "*",
        "Trigger: " + trigger(), "Run: " + runLink());
  }

  /** The root message once the run ended: status, headline, trigger, duration, hypothesis, deviated probes. */
  String finished(Journal journal) {
    Outcome outcome = Outcome.of(journal);
    List<String> lines = new ArrayList<>();
    lines.add(state(outcome) + " — *" + escape(title) + "*");
    Headline.of(previous, outcome, trigger.revision()).ifPresent(h -> lines.add("*" + escape(h) + "*"));
    lines.add("Trigger: " + trigger());
    if (journal.duration() != null) {
      lines.add(String.format(Locale.ROOT, "Duration: %.1f s", journal.duration()));
    }
    lines.add("Hypothesis before: " + verdict(journal.before()) + " · after: " + verdict(journal.after()));
    List<String> probes = new ArrayList<>();
    deviatedProbes(journal.before(), "before", probes);
    deviatedProbes(journal.after(), "after", probes);
    if (!probes.isEmpty()) {
      lines.add("Deviated probes:");
      lines.addAll(probes);
    }
    lines.add("Run: " + runLink());
    return String.join("\n", lines);
  }

  /** A thread reply for one method or rollback activity: status, duration, output or error. */
  String activity(Phase phase, RunItem item) {
    String kind = item.activity().path("type").asString("activity");
    String status = item.status() == null ? "cut off" : item.status();
    String icon = item.succeeded() ? ":white_check_mark:" : ":x:";
    String head = String.format(Locale.ROOT, "%s [%s] %s `%s` %s in %.1f s", icon,
        phase == Phase.ROLLBACKS ? "rollback" : "method", kind, escape(item.name()), status, item.duration());
    if (item.exception() != null && !item.exception().isNull()) {
      return head + "\nError: `" + value(lastLine(item.exception())) + "`";
    }
    if (item.output().isNull() || item.output().isMissingNode()) {
      return head;
    }
    return head + "\nOutput: `" + value(item.output()) + "`";
  }

  /** A thread reply saying why the run ended early, or empty when it ran to its end. */
  Optional<String> ending(Journal journal) {
    JsonNode stop = journal.chaosfn() == null ? null : journal.chaosfn().get("stop");
    if (stop != null && stop.isObject()) {
      return Optional.of(":warning: Interrupted (" + escape(stop.path("cause").asString("unknown"))
          + "): `" + value(stop) + "`");
    }
    if (Journal.ABORTED.equals(journal.status()) && journal.chaosfn() != null) {
      List<String> reasons = new ArrayList<>();
      journal.chaosfn().path("warnings").values().forEach(w -> {
        if (w.asString("").startsWith("aborted")) {
          reasons.add(w.asString());
        }
      });
      return Optional.of(":warning: Aborted: `" + value(String.join("; ", reasons)) + "`");
    }
    return Optional.empty();
  }

  private String trigger() {
    return switch (trigger.type()) {
      case "schedule" -> "schedule `" + escape(orUnknown(trigger.name())) + "`";
      case "deploy" -> "deploy of revision `" + escape(orUnknown(trigger.revision())) + "`"
          + (trigger.source() == null ? "" : " from " + escape(trigger.source()))
          + (trigger.name() == null ? "" : " (" + escape(trigger.name()) + ")");
      case "cli" -> "command line";
      default -> escape(trigger.type());
    };
  }

  private String runLink() {
    if (journalApi == null) {
      return "`" + runId + "`";
    }
    String base = journalApi.toString().replaceAll("/+$", "");
    return "<" + base + "/runs/" + runId + "|" + runId + ">";
  }

  private void deviatedProbes(SteadyState state, String phase, List<String> lines) {
    if (state == null) {
      return;
    }
    for (RunItem probe : state.probes()) {
      if (Boolean.FALSE.equals(probe.toleranceMet()) || !probe.succeeded()) {
        String observed = probe.exception() != null && !probe.exception().isNull()
            ? "error `" + value(lastLine(probe.exception())) + "`"
            : "observed `" + value(probe.output()) + "`";
        lines.add("• `" + escape(probe.name()) + "` (" + phase + ") — tolerance `"
            + value(probe.activity().path("tolerance")) + "`, " + observed);
      }
    }
  }

  private static String verdict(SteadyState state) {
    if (state == null) {
      return "not checked";
    }
    return state.steadyStateMet() ? "met" : "*not met*";
  }

  private static String state(Outcome outcome) {
    return switch (outcome) {
      case COMPLETED -> ":large_green_circle: *Completed*";
      case DEVIATED -> ":red_circle: *Deviated*";
      case FAILED -> ":large_orange_circle: *Failed*";
      case INTERRUPTED -> ":double_vertical_bar: *Interrupted*";
      default -> ":black_circle: *" + outcome.wireName().substring(0, 1).toUpperCase(Locale.ROOT)
          + outcome.wireName().substring(1).replace('_', ' ') + "*";
    };
  }

  private static String lastLine(JsonNode exception) {
    if (exception.isArray() && !exception.isEmpty()) {
      return exception.get(exception.size() - 1).asString("").strip();
    }
    return exception.asString(exception.toString()).strip();
  }

  /** Redacted, one line, shortened, and safe inside a code span. */
  private String value(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "none";
    }
    JsonNode redacted = redaction.redact(node);
    return value(redacted.isString() ? redacted.asString() : redacted.toString());
  }

  private String value(String text) {
    String oneLine = redaction.redact(text).replace('\n', ' ').replace('`', '\'');
    String shortened = oneLine.length() > VALUE_LIMIT ? oneLine.substring(0, VALUE_LIMIT) + "…" : oneLine;
    return escape(shortened);
  }

  private static String orUnknown(String text) {
    return text == null ? "unknown" : text;
  }

  /** Slack's three control characters in text (its formatting docs: escape &, <, >). */
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
