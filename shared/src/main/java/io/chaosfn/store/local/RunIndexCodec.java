package io.chaosfn.store.local;

import io.chaosfn.Json;
import io.chaosfn.store.RunRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's index file: what listings filter on, next to its journal file. The run's summary JSON, the journal
 * API's vocabulary, so a user reading both sees one, plus whether the journal file exists.
 */
final class RunIndexCodec {
  private static final String HAS_JOURNAL = "has_journal";

  private RunIndexCodec() {}

  static byte[] write(RunRecord run) {
    ObjectNode json = run.summaryJson();
    json.put(HAS_JOURNAL, run.journal() != null);
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
  }

  /** The run without its journal, and whether it has one on disk. */
  record Entry(RunRecord run, boolean hasJournal) {}

  /**
   * @throws IllegalArgumentException when the bytes are not an index file
   */
  static Entry read(byte[] bytes) {
    JsonNode json = Json.MAPPER.readTree(bytes);
    return new Entry(RunRecord.fromSummaryJson(json), json.path(HAS_JOURNAL).asBoolean(false));
  }
}
