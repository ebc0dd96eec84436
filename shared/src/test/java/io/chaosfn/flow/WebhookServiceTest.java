package io.chaosfn.flow;

import static io.chaosfn.trigger.Senders.ARGO_TOKEN;
import static io.chaosfn.trigger.Senders.FLUX_KEY;
import static io.chaosfn.trigger.Senders.GENERIC_KEY;
import static io.chaosfn.trigger.Senders.GITHUB_KEY;
import static io.chaosfn.trigger.Senders.argo;
import static io.chaosfn.trigger.Senders.argoNotification;
import static io.chaosfn.trigger.Senders.bytes;
import static io.chaosfn.trigger.Senders.flux;
import static io.chaosfn.trigger.Senders.fluxSuccess;
import static io.chaosfn.trigger.Senders.github;
import static io.chaosfn.trigger.Senders.githubDeploymentStatus;
import static io.chaosfn.trigger.Senders.post;
import static io.chaosfn.trigger.Senders.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chaosfn.experiment.ChaosfnExtension;
import io.chaosfn.experiment.ChaosfnExtension.DeployTrigger;
import io.chaosfn.store.Delivery;
import io.chaosfn.store.DeliveryLog;
import io.chaosfn.store.RunIds;
import io.chaosfn.store.StoreUnavailableException;
import io.chaosfn.store.local.InMemoryDeliveryLog;
import io.chaosfn.trigger.DeploySource;
import io.chaosfn.trigger.ExperimentCatalog;
import io.chaosfn.trigger.MalformedPayloadException;
import io.chaosfn.trigger.MethodNotAllowedException;
import io.chaosfn.trigger.PayloadTooLargeException;
import io.chaosfn.trigger.RunRequest;
import io.chaosfn.trigger.SharedSecret;
import io.chaosfn.trigger.SignatureRejectedException;
import io.chaosfn.trigger.UnknownRouteException;
import io.chaosfn.trigger.WebhookRequest;
import io.chaosfn.trigger.WebhookUnavailableException;
import io.chaosfn.trigger.local.StaticWebhookSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The webhook flow with every collaborator recorded in one call list: what the service may call, in which order,
 * and — for the 3 s budget — that a request makes no other blocking call than one each to the secrets, the
 * delivery log, the catalog and the run requests.
 */
class WebhookServiceTest {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:05Z");
  private static final String FRONTEND_BODY = fluxSuccess("default", "frontend-app", "main@sha1:4f2a9c1");

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<RunRequest> requested = new ArrayList<>();
  private final InMemoryDeliveryLog deliveries = new InMemoryDeliveryLog();
  private RuntimeException runRequestFailure;

  private final List<ExperimentCatalog.Entry> experiments = new ArrayList<>(List.of(
      entry("frontend-db-failover", Map.of("namespace", "default", "workload", "frontend-app")),
      entry("frontend-latency", Map.of("workload", "frontend-*")),
      entry("shop-pods", Map.of("repository", "acme/shop")),
      entry("backend-failover", Map.of("namespace", "default", "workload", "backend")),
      new ExperimentCatalog.Entry("scheduled-only", "s3://bucket/scheduled.yaml", ChaosfnExtension.none())));

  private final WebhookService service = new WebhookService(
      source -> {
        calls.add("secrets");
        return new StaticWebhookSecrets(Map.of(DeploySource.FLUX, SharedSecret.of(FLUX_KEY), DeploySource.GITHUB,
            SharedSecret.of(GITHUB_KEY), DeploySource.ARGO, SharedSecret.of(ARGO_TOKEN), DeploySource.GENERIC,
            SharedSecret.of(GENERIC_KEY))).secret(source);
      },
      new DeliveryLog() {
        @Override
        public boolean record(Delivery delivery, Instant now) {
          calls.add("record");
          return deliveries.record(delivery, now);
        }

        @Override
        public void forget(Delivery delivery) {
          calls.add("forget");
          deliveries.forget(delivery);
        }
      },
      () -> {
        calls.add("catalog");
        return List.copyOf(experiments);
      },
      requests -> {
        calls.add("request");
        if (runRequestFailure != null) {
          throw runRequestFailure;
        }
        requested.addAll(requests);
      },
      Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void receive_matchingFluxDeploy_requestsOneRunPerMatchingExperiment() {
    WebhookResult result = service.receive(flux(FRONTEND_BODY));

    assertThat(result).isInstanceOf(WebhookResult.Accepted.class);
    assertThat(requested).extracting(RunRequest::experimentId)
        .containsExactly("frontend-db-failover", "frontend-latency");
    assertThat(((WebhookResult.Accepted) result).runs()).isEqualTo(requested);
  }

  @Test
  void receive_matchingDeploy_carriesTheRevisionAndWaitIntoTheRequest() {
    service.receive(flux(FRONTEND_BODY));

    RunRequest first = requested.get(0);
    assertThat(first.deploy().revision()).isEqualTo("main@sha1:4f2a9c1");
    assertThat(first.waitForRollout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(first.experimentSource()).isEqualTo("s3://bucket/frontend-db-failover.yaml");
    assertThat(first.detail().path("trigger").path("revision").asString()).isEqualTo("main@sha1:4f2a9c1");
  }

  @Test
  void receive_matchingDeploy_derivesRunIdsFromTheDeliveryAndExperiment() {
    WebhookResult.Accepted result = (WebhookResult.Accepted) service.receive(flux(FRONTEND_BODY));

    assertThat(result.runs().get(0).runId())
        .isEqualTo(RunIds.derived(NOW, result.deliveryId() + "/frontend-db-failover"));
  }

  @Test
  void receive_matchingDeploy_callsEachCollaboratorOnceInOrder() {
    service.receive(flux(FRONTEND_BODY));

    assertThat(calls).containsExactly("secrets", "record", "catalog", "request");
  }

  @Test
  void receive_sameDeliveryAgain_isDuplicateAndRequestsNothing() {
    service.receive(flux(FRONTEND_BODY));
    requested.clear();
    calls.clear();

    WebhookResult again = service.receive(flux(FRONTEND_BODY));

    assertThat(again).isInstanceOf(WebhookResult.Duplicate.class);
    assertThat(requested).isEmpty();
    assertThat(calls).containsExactly("secrets", "record");
  }

  @Test
  void receive_githubRedelivery_isDuplicate() {
    String body = githubDeploymentStatus("success", "acme/shop", "4f2a9c1");
    service.receive(github("deployment_status", "guid-1", body));

    WebhookResult again = service.receive(github("deployment_status", "guid-1", body));

    assertThat(again).isEqualTo(new WebhookResult.Duplicate(DeploySource.GITHUB, "guid-1"));
    assertThat(requested).extracting(RunRequest::experimentId).containsExactly("shop-pods");
  }

  @Test
  void receive_deployNoExperimentMatches_isUnmatchedAndRequestsNothing() {
    WebhookResult result = service.receive(flux(fluxSuccess("payments", "ledger", "r1")));

    assertThat(result).isInstanceOf(WebhookResult.Unmatched.class);
    assertThat(calls).containsExactly("secrets", "record", "catalog");
  }

  @Test
  void receive_argoDegraded_isIgnoredWithoutTouchingTheLog() {
    WebhookResult result = service.receive(argo(argoNotification("d-1", "Succeeded", "Degraded")));

    assertThat(result).isInstanceOf(WebhookResult.Ignored.class);
    assertThat(calls).containsExactly("secrets");
  }

  @Test
  void receive_argoSuccess_requestsTheAppsExperiments() {
    WebhookResult result = service.receive(argo(argoNotification("uid/2025-03-01T10:00:00Z", "Succeeded",
        "Healthy")));

    assertThat(result).isInstanceOf(WebhookResult.Accepted.class);
    assertThat(requested).extracting(RunRequest::experimentId)
        .containsExactly("frontend-db-failover", "frontend-latency", "shop-pods");
  }

  @Test
  void receive_forgedSignature_isRejectedBeforeParsingOrDedupe() {
    WebhookRequest forged = post("/webhook/flux", Map.of("X-Signature", sign("guessed", bytes(FRONTEND_BODY))),
        FRONTEND_BODY);

    assertThatThrownBy(() -> service.receive(forged)).isInstanceOf(SignatureRejectedException.class);
    assertThat(calls).containsExactly("secrets");
  }

  @Test
  void receive_unauthenticatedMalformedBody_is401Not400() {
    WebhookRequest request = post("/webhook/generic", Map.of("X-Signature", sign("guessed", bytes("{"))), "{");

    assertThatThrownBy(() -> service.receive(request)).isInstanceOf(SignatureRejectedException.class);
  }

  @Test
  void receive_missingSignature_isRejected() {
    WebhookRequest request = post("/webhook/github", Map.of("X-GitHub-Event", "deployment_status",
        "X-GitHub-Delivery", "guid-1"), githubDeploymentStatus("success", "acme/shop", "x"));

    assertThatThrownBy(() -> service.receive(request)).isInstanceOf(SignatureRejectedException.class);
    assertThat(calls).doesNotContain("record");
  }

  @Test
  void receive_fluxSignatureOnGithubRoute_isRejected() {
    String body = githubDeploymentStatus("success", "acme/shop", "x");
    WebhookRequest request = post("/webhook/github", Map.of("X-Signature", sign(GITHUB_KEY, bytes(body)),
        "X-GitHub-Event", "deployment_status", "X-GitHub-Delivery", "guid-1"), body);

    assertThatThrownBy(() -> service.receive(request)).isInstanceOf(SignatureRejectedException.class);
  }

  @Test
  void receive_wrongArgoToken_isRejected() {
    String body = argoNotification("d-1", "Succeeded", "Healthy");

    assertThatThrownBy(() -> service.receive(post("/webhook/argo", Map.of("X-Chaosfn-Token", "guess"), body)))
        .isInstanceOf(SignatureRejectedException.class);
  }

  @Test
  void receive_sourceWithoutSecret_isRejected() {
    WebhookService unconfigured = new WebhookService(new StaticWebhookSecrets(Map.of()), deliveries,
        List::of, requests -> { }, Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(() -> unconfigured.receive(flux(FRONTEND_BODY)))
        .isInstanceOf(SignatureRejectedException.class);
  }

  @Test
  void receive_signedDuplicateKeyBody_isMalformed() {
    String body = "{\"deliveryId\": \"b\", \"deliveryId\": \"c\", \"status\": \"success\", \"revision\": \"v\","
        + " \"repository\": \"acme/shop\"}";

    assertThatThrownBy(() -> service.receive(post("/webhook/generic", Map.of("X-Signature",
        sign(GENERIC_KEY, bytes(body))), body))).isInstanceOf(MalformedPayloadException.class);
    assertThat(calls).containsExactly("secrets");
  }

  @Test
  void receive_bodyOverTheLimit_is413BeforeAuthentication() {
    byte[] body = new byte[WebhookService.MAX_BODY_BYTES + 1];

    assertThatThrownBy(() -> service.receive(new WebhookRequest("POST", "/webhook/flux",
        Map.of("X-Signature", sign(FLUX_KEY, body)), body))).isInstanceOf(PayloadTooLargeException.class);
    assertThat(calls).isEmpty();
  }

  @Test
  void receive_bodyAtTheLimit_isReadAsJson() {
    String padding = " ".repeat(WebhookService.MAX_BODY_BYTES - FRONTEND_BODY.length());

    WebhookResult result = service.receive(flux(FRONTEND_BODY + padding));

    assertThat(result).isInstanceOf(WebhookResult.Accepted.class);
  }

  @Test
  void receive_unknownRoute_is404() {
    assertThatThrownBy(() -> service.receive(post("/webhook/jenkins", Map.of(), "{}")))
        .isInstanceOf(UnknownRouteException.class);
    assertThat(calls).isEmpty();
  }

  @Test
  void receive_get_is405() {
    assertThatThrownBy(() -> service.receive(new WebhookRequest("GET", "/webhook/flux", Map.of(), null)))
        .isInstanceOf(MethodNotAllowedException.class);
  }

  @Test
  void receive_runRequestsFail_forgetsTheDeliverySoARetryRuns() {
    runRequestFailure = new IllegalStateException("PutEvents failed");

    assertThatThrownBy(() -> service.receive(flux(FRONTEND_BODY))).isInstanceOf(WebhookUnavailableException.class);
    runRequestFailure = null;
    WebhookResult retry = service.receive(flux(FRONTEND_BODY));

    assertThat(retry).isInstanceOf(WebhookResult.Accepted.class);
    assertThat(calls).containsSubsequence("request", "forget", "record", "catalog", "request");
  }

  @Test
  void receive_deliveryLogDown_isUnavailableAndRequestsNothing() {
    WebhookService down = new WebhookService(new StaticWebhookSecrets(Map.of(DeploySource.FLUX,
        SharedSecret.of(FLUX_KEY))), new DeliveryLog() {
          @Override
          public boolean record(Delivery delivery, Instant now) {
            throw new StoreUnavailableException("table missing", null);
          }

          @Override
          public void forget(Delivery delivery) {
            throw new StoreUnavailableException("table missing", null);
          }
        }, () -> List.copyOf(experiments), requested::addAll, Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(() -> down.receive(flux(FRONTEND_BODY))).isInstanceOf(WebhookUnavailableException.class);
    assertThat(requested).isEmpty();
  }

  private static ExperimentCatalog.Entry entry(String id, Map<String, String> match) {
    return new ExperimentCatalog.Entry(id, "s3://bucket/" + id + ".yaml", new ChaosfnExtension(id, null,
        new DeployTrigger(match, Duration.ofSeconds(60)), null, null, null));
  }
}
