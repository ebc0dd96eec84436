package io.chaosfn.trigger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Requests as the real senders make them: Flux's generic-hmac provider and GitHub sign the raw body with
 * HMAC-SHA256 under the shared key and send {@code sha256=<lower-case hex>}; computed here with the JDK's Mac,
 * independently of the code under test.
 */
public final class Senders {
  public static final String FLUX_KEY = "flux-hmac-key";
  public static final String GITHUB_KEY = "github-hmac-key";
  public static final String GENERIC_KEY = "generic-hmac-key";
  public static final String ARGO_TOKEN = "argo-static-token";

  private Senders() {}

  public static String sign(String key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static WebhookRequest post(String path, Map<String, String> headers, String body) {
    return new WebhookRequest("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  public static WebhookRequest flux(String body) {
    return post("/webhook/flux", Map.of("X-Signature", sign(FLUX_KEY, bytes(body))), body);
  }

  public static WebhookRequest generic(String body) {
    return post("/webhook/generic", Map.of("X-Signature", sign(GENERIC_KEY, bytes(body))), body);
  }

  public static WebhookRequest argo(String body) {
    return post("/webhook/argo", Map.of("X-Chaosfn-Token", ARGO_TOKEN), body);
  }

  public static WebhookRequest github(String event, String delivery, String body) {
    return post("/webhook/github", Map.of("X-Hub-Signature-256", sign(GITHUB_KEY, bytes(body)),
        "X-GitHub-Event", event, "X-GitHub-Delivery", delivery), body);
  }

  public static String fluxSuccess(String namespace, String name, String revision) {
    return """
        {"involvedObject": {"kind": "Kustomization", "namespace": "%s", "name": "%s", "uid": "7a1c"},
         "severity": "info", "timestamp": "2025-03-01T10:00:00Z",
         "message": "Reconciliation finished in 1.2s", "reason": "ReconciliationSucceeded",
         "metadata": {"revision": "%s", "summary": "apps"},
         "reportingController": "kustomize-controller", "reportingInstance": "kustomize-controller-1"}
        """.formatted(namespace, name, revision);
  }

  public static String githubDeploymentStatus(String state, String repository, String sha) {
    return """
        {"action": "created",
         "deployment_status": {"id": 1, "state": "%s", "environment": "production",
                               "updated_at": "2025-03-01T10:00:00Z"},
         "deployment": {"id": 42, "sha": "%s", "ref": "main", "environment": "production"},
         "repository": {"id": 7, "full_name": "%s", "private": true},
         "sender": {"login": "deployer"}}
        """.formatted(state, sha, repository);
  }

  public static String argoNotification(String deliveryId, String phase, String health) {
    return """
        {"deliveryId": "%s", "app": "frontend-app", "project": "default", "namespace": "default",
         "repoURL": "https://github.com/acme/shop.git", "revision": "4f2a9c1", "phase": "%s",
         "health": "%s", "finishedAt": "2025-03-01T10:00:00Z"}
        """.formatted(deliveryId, phase, health);
  }

  public static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
