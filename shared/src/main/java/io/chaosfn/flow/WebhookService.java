package io.chaosfn.flow;

import io.chaosfn.store.Delivery;
import io.chaosfn.store.DeliveryLog;
import io.chaosfn.store.RunIds;
import io.chaosfn.store.StoreUnavailableException;
import io.chaosfn.trigger.DeployEvent;
import io.chaosfn.trigger.DeployMatcher;
import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.ExperimentCatalog;
import io.chaosfn.trigger.MethodNotAllowedException;
import io.chaosfn.trigger.ParsedWebhook;
import io.chaosfn.trigger.PayloadTooLargeException;
import io.chaosfn.trigger.RunRequest;
import io.chaosfn.trigger.RunRequests;
import io.chaosfn.trigger.SharedSecret;
import io.chaosfn.trigger.SignatureRejectedException;
import io.chaosfn.trigger.UnknownRouteException;
import io.chaosfn.trigger.WebhookParser;
import io.chaosfn.trigger.WebhookRequest;
import io.chaosfn.trigger.WebhookSecrets;
import io.chaosfn.trigger.WebhookSignature;
import io.chaosfn.trigger.WebhookUnavailableException;
import io.chaosfn.trigger.argo.ArgoParser;
import io.chaosfn.trigger.flux.FluxParser;
import io.chaosfn.trigger.generic.GenericParser;
import io.chaosfn.trigger.github.GitHubParser;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flow 2 of architecture.md: a GitOps tool reports a deploy, and the experiments whose deploy trigger matches
 * it are requested to run. Checks happen in the order of decisions.md §7, each refusal a
 * {@link io.chaosfn.trigger.WebhookException}: route (404), method (405), size (413), authentication (401),
 * parse (400); then a delivery that is not a deploy success, or was seen before, is answered without running
 * anything. A request that fails authentication is never parsed and never touches the delivery log.
 *
 * <p>The sender waits for the answer (GitHub gives up after 10 s; the target is 3 s), so the service does no
 * slow work itself: it calls the secrets (cached), the delivery log, the catalog and the run requests once each,
 * and the runs happen elsewhere. If the catalog or the run requests fail after the delivery was recorded, the
 * delivery is forgotten again and the answer is 503, so the sender's retry is handled as new.
 */
public final class WebhookService {
  /** Larger bodies are refused before anything reads them; real deploy notifications are a few KiB. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);

  private final Map<DeploySource, WebhookParser> parsers = new EnumMap<>(DeploySource.class);
  private final WebhookSignature signature;
  private final WebhookSecrets secrets;
  private final DeliveryLog deliveries;
  private final ExperimentCatalog catalog;
  private final RunRequests runs;
  private final DeployMatcher matcher = new DeployMatcher();
  private final Clock clock;

  public WebhookService(WebhookSecrets secrets, DeliveryLog deliveries, ExperimentCatalog catalog,
      RunRequests runs, Clock clock) {
    this(new WebhookSignature(), secrets, deliveries, catalog, runs, clock);
  }

  WebhookService(WebhookSignature signature, WebhookSecrets secrets, DeliveryLog deliveries,
      ExperimentCatalog catalog, RunRequests runs, Clock clock) {
    List.of(new FluxParser(), new GitHubParser(), new ArgoParser(), new GenericParser())
        .forEach(parser -> parsers.put(parser.source(), parser));
    this.signature = signature;
    this.secrets = secrets;
    this.deliveries = deliveries;
    this.catalog = catalog;
    this.runs = runs;
    this.clock = clock;
  }

  /**
   * Handles one request.
   *
   * @throws io.chaosfn.trigger.WebhookException for every refusal, with its HTTP status
   */
  public WebhookResult receive(WebhookRequest request) {
    DeploySource source = DeploySource.ofRoute(request.path())
        .orElseThrow(() -> new UnknownRouteException("no webhook at " + request.path()));
    if (!"POST".equals(request.method())) {
      throw new MethodNotAllowedException(request.path() + " takes POST, not " + request.method());
    }
    if (request.body().length > MAX_BODY_BYTES) {
      throw new PayloadTooLargeException("the body is " + request.body().length + " bytes; the limit is "
          + MAX_BODY_BYTES + " (256 KiB)");
    }
    authenticate(source, request);
    Instant now = clock.instant();
    ParsedWebhook parsed = parsers.get(source).parse(request, now);
    if (parsed instanceof ParsedWebhook.Ignored ignored) {
      LOG.info("webhook {}: ignored, {}", source.wireName(), ignored.reason());
      return new WebhookResult.Ignored(source, ignored.reason());
    }
    DeployEvent event = ((ParsedWebhook.Deployed) parsed).event();
    Delivery delivery = new Delivery(source.wireName(), event.deliveryId());
    if (!record(delivery, now)) {
      LOG.info("webhook {} delivery {}: duplicate, nothing requested", source.wireName(), event.deliveryId());
      return new WebhookResult.Duplicate(source, event.deliveryId());
    }
    List<RunRequest> requested;
    try {
      requested = requestRuns(event, now);
    } catch (RuntimeException e) {
      forget(delivery);
      throw new WebhookUnavailableException("the runs could not be requested; retry later", e);
    }
    LOG.info("webhook {} delivery {}: {} run(s) requested", source.wireName(), event.deliveryId(),
        requested.size());
    return requested.isEmpty() ? new WebhookResult.Unmatched(source, event.deliveryId())
        : new WebhookResult.Accepted(source, event.deliveryId(), requested);
  }

  private void authenticate(DeploySource source, WebhookRequest request) {
    SharedSecret secret = secrets.secret(source).orElseThrow(() -> {
      LOG.warn("webhook {}: no secret is configured, every request is refused", source.wireName());
      return new SignatureRejectedException("this webhook is not configured");
    });
    String presented = request.header(source.header()).orElse(null);
    switch (source.authentication()) {
      case HMAC -> signature.verifyHmac(presented, request.body(), secret.bytes());
      case TOKEN -> signature.verifyToken(presented, secret.bytes());
    }
  }

  private List<RunRequest> requestRuns(DeployEvent event, Instant now) {
    List<RunRequest> requests = catalog.experiments().stream()
        .filter(entry -> entry.extension().deployTrigger()
            .filter(trigger -> matcher.matches(trigger, event)).isPresent())
        .map(entry -> new RunRequest(RunIds.derived(now, event.deliveryId() + "/" + entry.experimentId()),
            entry.experimentId(), entry.source(), event, entry.extension().deploy().waitForRollout()))
        .toList();
    if (!requests.isEmpty()) {
      runs.request(requests);
    }
    return requests;
  }

  private boolean record(Delivery delivery, Instant now) {
    try {
      return deliveries.record(delivery, now);
    } catch (StoreUnavailableException e) {
      throw new WebhookUnavailableException("the delivery log is unavailable; retry later", e);
    }
  }

  private void forget(Delivery delivery) {
    try {
      deliveries.forget(delivery);
    } catch (StoreUnavailableException e) {
      // The delivery stays recorded: a retry within a week is taken for a duplicate. Say so to the operator.
      LOG.error("webhook delivery {} could not be forgotten after its runs failed to be requested; "
          + "its retries will be ignored as duplicates", delivery.partitionKey(), e);
    }
  }
}
