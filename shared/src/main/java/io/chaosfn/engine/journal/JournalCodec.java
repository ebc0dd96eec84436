package io.chaosfn.engine.journal;

import io.chaosfn.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes journals as Chaos Toolkit does: its keys in its order (Jackson would sort record
 * properties), timestamps with {@code +00:00}, durations as float seconds, two-space indentation, and every
 * key it does not know kept in place at the end of its object.
 */
public final class JournalCodec {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectWriter PRETTY = Json.MAPPER.writer().with(new DefaultPrettyPrinter(
      Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));
  private static final List<String> JOURNAL_KEYS = List.of("chaoslib-version", "platform", "node", "experiment",
      "start", "status", "deviated", "steady_states", "run", "rollbacks", "end", "duration", "chaosfn");
  private static final List<String> ITEM_KEYS = List.of(
      "activity", "output", "start", "status", "exception", "end", "duration", "tolerance_met");
  private static final Set<String> STATE_KEYS = Set.of("steady_state_met", "probes");
  private static final Set<String> STEADY_STATES_KEYS = Set.of("before", "after", "during");

  private JournalCodec() {}

  public static ObjectNode toJson(Journal journal) {
    ObjectNode json = NODES.objectNode();
    json.put("chaoslib-version", journal.chaoslibVersion());
    json.put("platform", journal.platform());
    json.put("node", journal.node());
    json.set("experiment", journal.experiment());
    json.put("start", Timestamps.format(journal.start()));
    json.put("status", journal.status());
    json.put("deviated", journal.deviated());
    ObjectNode steadyStates = json.putObject("steady_states");
    steadyStates.set("before", state(journal.before()));
    steadyStates.set("after", state(journal.after()));
    steadyStates.set("during", NODES.arrayNode().addAll(journal.during().stream().map(JournalCodec::state).toList()));
    copyExtra(journal.steadyStatesExtra(), steadyStates);
    json.set("run", items(journal.run()));
    json.set("rollbacks", items(journal.rollbacks()));
    if (journal.end() != null) {
      json.put("end", Timestamps.format(journal.end()));
    }
    if (journal.duration() != null) {
      json.put("duration", journal.duration());
    }
    copyExtra(journal.extra(), json);
    if (journal.chaosfn() != null) {
      json.set("chaosfn", journal.chaosfn());
    }
    return json;
  }

  public static Journal fromJson(JsonNode json) {
    JsonNode steadyStates = json.path("steady_states");
    List<SteadyState> during = new ArrayList<>();
    steadyStates.path("during").values().forEach(s -> during.add(readState(s)));
    JsonNode chaosfn = json.get("chaosfn");
    return new Journal(
        text(json, "chaoslib-version"), text(json, "platform"), text(json, "node"),
        json.path("experiment").isObject() ? (ObjectNode) json.get("experiment") : NODES.objectNode(),
        Timestamps.parse(json.path("start").asString()),
        text(json, "status"),
        json.path("deviated").asBoolean(false),
        readState(steadyStates.path("before")),
        readState(steadyStates.path("after")),
        during,
        extra(steadyStates, STEADY_STATES_KEYS),
        readItems(json.path("run")),
        readItems(json.path("rollbacks")),
        json.path("end").isString() ? Timestamps.parse(json.get("end").asString()) : null,
        json.path("duration").isNumber() ? json.get("duration").asDouble() : null,
        chaosfn != null && chaosfn.isObject() ? (ObjectNode) chaosfn : null,
        extra(json, Set.copyOf(JOURNAL_KEYS)));
  }

  public static byte[] write(Journal journal) {
    return PRETTY.writeValueAsString(toJson(journal)).getBytes(StandardCharsets.UTF_8);
  }

  public static void write(Journal journal, OutputStream out) throws IOException {
    out.write(write(journal));
  }

  public static Journal read(byte[] bytes) {
    return fromJson(Json.MAPPER.readTree(bytes));
  }

  /** Two-space indented JSON, as the journal file is written. */
  public static String pretty(JsonNode node) {
    return PRETTY.writeValueAsString(node);
  }

  public static ObjectNode runItem(RunItem item) {
    ObjectNode json = NODES.objectNode();
    json.set("activity", item.activity());
    json.set("output", item.output());
    json.put("start", Timestamps.format(item.start()));
    if (item.status() != null) {
      json.put("status", item.status());
    }
    if (item.exception() != null) {
      json.set("exception", item.exception());
    }
    if (item.end() != null) {
      json.put("end", Timestamps.format(item.end()));
    }
    json.put("duration", item.duration());
    if (item.toleranceMet() != null) {
      json.put("tolerance_met", item.toleranceMet());
    }
    copyExtra(item.extra(), json);
    return json;
  }

  private static JsonNode state(SteadyState state) {
    if (state == null) {
      return NullNode.getInstance();
    }
    ObjectNode json = NODES.objectNode();
    json.put("steady_state_met", state.steadyStateMet());
    json.set("probes", items(state.probes()));
    copyExtra(state.extra(), json);
    return json;
  }

  private static JsonNode items(List<RunItem> items) {
    return NODES.arrayNode().addAll(items.stream().map(JournalCodec::runItem).toList());
  }

  private static SteadyState readState(JsonNode json) {
    if (!json.isObject()) {
      return null;
    }
    return new SteadyState(json.path("steady_state_met").asBoolean(false), readItems(json.path("probes")),
        extra(json, STATE_KEYS));
  }

  private static List<RunItem> readItems(JsonNode json) {
    List<RunItem> items = new ArrayList<>();
    for (JsonNode item : json.values()) {
      JsonNode tolerance = item.get("tolerance_met");
      items.add(new RunItem(
          item.path("activity").isObject() ? (ObjectNode) item.get("activity") : NODES.objectNode(),
          item.has("output") ? item.get("output") : NullNode.getInstance(),
          Timestamps.parse(item.path("start").asString()),
          text(item, "status"),
          item.get("exception"),
          item.path("end").isString() ? Timestamps.parse(item.get("end").asString()) : null,
          item.path("duration").asDouble(0),
          tolerance == null || tolerance.isNull() ? null : tolerance.asBoolean(),
          extra(item, Set.copyOf(ITEM_KEYS))));
    }
    return items;
  }

  private static String text(JsonNode json, String key) {
    JsonNode value = json.get(key);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static ObjectNode extra(JsonNode json, Set<String> known) {
    ObjectNode extra = NODES.objectNode();
    if (json.isObject()) {
      for (Map.Entry<String, JsonNode> entry : json.properties()) {
        if (!known.contains(entry.getKey())) {
          extra.set(entry.getKey(), entry.getValue());
        }
      }
    }
    return extra;
  }

  private static void copyExtra(ObjectNode extra, ObjectNode target) {
    if (extra != null) {
      extra.properties().forEach(e -> target.set(e.getKey(), e.getValue()));
    }
  }
}
