package io.chaosfn.functions;

import io.chaosfn.flow.JournalQueryService;
import io.chaosfn.functions.http.HttpProblem;
import io.chaosfn.functions.http.HttpRequest;
import io.chaosfn.functions.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * The journal API's routes (docs/api.md) onto the query service. The route is matched first (404), then the
 * method (405), as the webhook does (decisions.md §7). Ids are single path segments; one holding a {@code /} is
 * sent as {@code %2F}.
 */
final class JournalApiRoutes {
  private static final String EXPERIMENTS = "experiments";
  private static final String RUNS = "runs";
  private static final String SUMMARY = "summary";

  private final JournalQueryService queries;

  JournalApiRoutes(JournalQueryService queries) {
    this.queries = queries;
  }

  HttpResponse answer(HttpRequest request) {
    List<String> path = request.segments();
    Map<String, String> parameters = request.query();
    Route route = route(path, request.path());
    if (!request.method().equals("GET")) {
      throw HttpProblem.methodNotAllowed(request.method());
    }
    return HttpResponse.json(200, switch (route) {
      case EXPERIMENTS -> queries.experiments(parameters);
      case EXPERIMENT_RUNS -> queries.runs(path.get(1), parameters);
      case EXPERIMENT_SUMMARY -> queries.summary(path.get(1), parameters);
      case RUNS -> queries.runsWithOutcome(parameters);
      case RUN -> queries.run(path.get(1), parameters);
    });
  }

  private enum Route { EXPERIMENTS, EXPERIMENT_RUNS, EXPERIMENT_SUMMARY, RUNS, RUN }

  private static Route route(List<String> path, String rawPath) {
    if (path.size() == 1 && path.get(0).equals(EXPERIMENTS)) {
      return Route.EXPERIMENTS;
    }
    if (path.size() == 3 && path.get(0).equals(EXPERIMENTS) && !path.get(1).isEmpty()) {
      if (path.get(2).equals(RUNS)) {
        return Route.EXPERIMENT_RUNS;
      }
      if (path.get(2).equals(SUMMARY)) {
        return Route.EXPERIMENT_SUMMARY;
      }
    }
    if (path.size() == 1 && path.get(0).equals(RUNS)) {
      return Route.RUNS;
    }
    if (path.size() == 2 && path.get(0).equals(RUNS) && !path.get(1).isEmpty()) {
      return Route.RUN;
    }
    throw HttpProblem.notFound("no route " + rawPath + ": the journal API serves /experiments, /experiments/{id}/runs, /experiments/{id}/summary, /runs and"
        + " /runs/{runId}");
  }
}
