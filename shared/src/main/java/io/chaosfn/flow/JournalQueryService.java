package io.chaosfn.flow;

import io.chaosfn.engine.journal.JournalCodec;
import io.chaosfn.experiment.Problem;
import io.chaosfn.store.ExperimentHistory;
import io.chaosfn.store.JournalStore;
import io.chaosfn.store.Outcome;
import io.chaosfn.store.Page;
import io.chaosfn.store.RunQuery;
import io.chaosfn.store.RunRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The query flow (architecture.md flow 3): questions about past runs, answered as JSON from a {@link JournalStore}.
 * The journal API and the CLI ask the same questions; each method is one of the API's routes. Every read is
 * what the store offers directly (its experiment list, one page of one listing, one run, one materialised
 * history), so on DynamoDB each answer is a few GetItem and Query requests, never a Scan.
 *
 * <p>Parameters arrive as the request's name/value map. Unknown names, empty values and malformed values are
 * refused, all of them at once, with {@link InvalidQueryException}; a run or experiment that is not there with
 * {@link NotFoundException}. {@link io.chaosfn.store.StoreUnavailableException} passes through.
 */
public final class JournalQueryService {
  private static final String STATUS = "status";
  private static final String OUTCOME = "outcome";
  private static final String DEVIATED = "deviated";
  private static final String TRIGGER = "trigger";
  private static final String SINCE = "since";
  private static final String UNTIL = "until";
  private static final String LIMIT = "limit";
  private static final String CURSOR = "cursor";
  private static final Set<String> EXPERIMENT_RUNS = Set.of(STATUS, DEVIATED, TRIGGER, SINCE, UNTIL, LIMIT, CURSOR);
  private static final Set<String> OUTCOME_RUNS = Set.of(OUTCOME, DEVIATED, TRIGGER, SINCE, UNTIL, LIMIT, CURSOR);

  private final JournalStore store;

  public JournalQueryService(JournalStore store) {
    this.store = store;
  }

  /** {@code GET /experiments}: {@code {"experiments": [...]}}, each with its latest run, by experiment id. */
  public ObjectNode experiments(Map<String, String> parameters) {
    QueryParameters.of(parameters, Set.of()).check();
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ArrayNode experiments = json.putArray("experiments");
    store.experiments().forEach(e -> experiments.add(QueryJson.experiment(e)));
    return json;
  }

  /**
   * {@code GET /experiments/{id}/runs}: one page of the experiment's runs, newest first, filtered by {@code status}
   * (an outcome), {@code deviated}, {@code trigger} (type), {@code since} / {@code until}; {@code limit} 1-100
   * (default 20); {@code cursor} from the previous page's {@code next_cursor}.
   *
   * @throws NotFoundException when the experiment has no runs at all
   */
  public ObjectNode runs(String experimentId, Map<String, String> parameters) {
    QueryParameters read = QueryParameters.of(parameters, EXPERIMENT_RUNS);
    RunQuery query = query(read, experimentId, read.outcome(STATUS));
    Page<RunRecord> page = page(query);
    if (page.items().isEmpty() && query.cursor() == null && store.history(experimentId).isEmpty()) {
      throw new NotFoundException("no experiment '" + experimentId + "' has runs in the journal store");
    }
    return pageJson(page);
  }

  /**
   * {@code GET /runs?outcome=...}: one page of runs with this outcome across experiments, newest first; the
   * other parameters as for {@link #runs}.
   */
  public ObjectNode runsWithOutcome(Map<String, String> parameters) {
    QueryParameters read = QueryParameters.of(parameters, OUTCOME_RUNS);
    return pageJson(page(query(read, null, read.requiredOutcome(OUTCOME))));
  }

  /**
   * {@code GET /runs/{runId}}: the Chaos Toolkit journal as stored, in its own key order; for a run without one
   * (skipped, invalid, in progress) its record with the reason and the validation problems.
   */
  public ObjectNode run(String runId, Map<String, String> parameters) {
    QueryParameters.of(parameters, Set.of()).check();
    RunRecord run = store.get(runId).orElseThrow(() -> new NotFoundException("no run '" + runId + "'"));
    return run.journal() != null ? JournalCodec.toJson(run.journal()) : run.summaryJson();
  }

  /**
   * {@code GET /experiments/{id}/summary}: counts per outcome, success rate, last run, last deviation, current
   * streak and the revision at which the outcome last changed.
   */
  public ObjectNode summary(String experimentId, Map<String, String> parameters) {
    QueryParameters.of(parameters, Set.of()).check();
    ExperimentHistory history = store.history(experimentId).orElseThrow(
        () -> new NotFoundException("no experiment '" + experimentId + "' has runs in the journal store"));
    return QueryJson.summary(history);
  }

  private static RunQuery query(QueryParameters read, String experimentId, Outcome outcome) {
    Boolean deviated = read.bool(DEVIATED);
    String triggerType = read.triggerType(TRIGGER);
    Instant since = read.instant(SINCE);
    Instant until = read.instant(UNTIL);
    read.requireOrder(SINCE, since, UNTIL, until);
    int limit = read.limit(LIMIT);
    String cursor = read.text(CURSOR);
    read.check();
    return new RunQuery(experimentId, outcome, deviated, triggerType, since, until, limit, cursor);
  }

  /** The store's page; a cursor the store refuses (altered, or from other filters) is the cursor's problem. */
  private Page<RunRecord> page(RunQuery query) {
    try {
      return store.runs(query);
    } catch (IllegalArgumentException e) {
      if (query.cursor() == null) {
        throw e;
      }
      throw new InvalidQueryException(List.of(new Problem(CURSOR, e.getMessage())));
    }
  }

  private static ObjectNode pageJson(Page<RunRecord> page) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ArrayNode runs = json.putArray("runs");
    page.items().forEach(run -> runs.add(run.summaryJson()));
    json.put("next_cursor", page.nextCursor());
    return json;
  }
}
