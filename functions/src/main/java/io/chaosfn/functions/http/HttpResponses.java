package io.chaosfn.functions.http;

import io.chaosfn.experiment.InvalidExperimentException;
import io.chaosfn.flow.InvalidQueryException;
import io.chaosfn.flow.NotFoundException;
import io.chaosfn.store.StoreUnavailableException;
import io.chaosfn.trigger.WebhookException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error table of the HTTP functions: what a failure means to the caller. Unexpected failures are logged
 * with their cause and answered 500 without details, so nothing internal (or secret) leaks.
 */
public final class HttpResponses {
  private static final Logger LOG = LoggerFactory.getLogger(HttpResponses.class);

  private HttpResponses() {}

  public static HttpResponse from(Supplier<HttpResponse> call) {
    try {
      return call.get();
    } catch (WebhookException e) {
      if (e.status() >= 500) {
        LOG.warn("webhook unavailable: {}", e.userMessage(), e);
      }
      return HttpResponse.error(e.status(), e.code(), e.userMessage());
    } catch (HttpProblem e) {
      return HttpResponse.error(e.status(), e.code(), e.userMessage());
    } catch (InvalidQueryException e) {
      return HttpResponse.invalidParameters(e.userMessage(), e.problems());
    } catch (NotFoundException e) {
      return HttpResponse.error(404, "not_found", e.userMessage());
    } catch (InvalidExperimentException e) {
      return HttpResponse.error(400, "invalid_experiment", e.userMessage());
    } catch (IllegalArgumentException e) {
      return HttpResponse.error(400, "bad_request", e.getMessage());
    } catch (StoreUnavailableException e) {
      LOG.error("store unavailable", e);
      return HttpResponse.error(503, "unavailable", "the journal store is unavailable; retry later");
    } catch (RuntimeException e) {
      LOG.error("request failed", e);
      return HttpResponse.error(500, "internal", "internal error");
    }
  }
}
