package io.chaosfn.trigger;

import java.util.Arrays;
import java.util.Optional;

/**
 * The tools that call the webhook after a deploy, each on its own route with its own way of proving who sent
 * the request (decisions.md §7).
 */
public enum DeploySource {
  /** Flux notification-controller, {@code generic-hmac} provider: HMAC-SHA256 in {@code X-Signature}. */
  FLUX("flux", "x-signature", Authentication.HMAC),
  /** GitHub {@code deployment_status} webhooks: HMAC-SHA256 in {@code X-Hub-Signature-256}. */
  GITHUB("github", "x-hub-signature-256", Authentication.HMAC),
  /**
   * Argo CD notifications cannot sign a body (static headers and basic auth only), so a static secret header is
   * the best it can do: weaker, because anyone who sees one request can replay or forge others.
   */
  ARGO("argo", "x-chaosfn-token", Authentication.TOKEN),
  /** The documented generic JSON format: HMAC-SHA256 in {@code X-Signature}, as Flux. */
  GENERIC("generic", "x-signature", Authentication.HMAC);

  /** How a source proves it sent a request. */
  public enum Authentication {
    /** {@code sha256=<64 lower-case hex>}: HMAC-SHA256 of the raw body bytes with the shared key. */
    HMAC,
    /** The shared secret itself, sent as a header value. */
    TOKEN
  }

  private final String wireName;
  private final String header;
  private final Authentication authentication;

  DeploySource(String wireName, String header, Authentication authentication) {
    this.wireName = wireName;
    this.header = header;
    this.authentication = authentication;
  }

  /** The lower-case name used in routes, delivery keys, secrets and run triggers. */
  public String wireName() {
    return wireName;
  }

  /** The lower-case name of the header carrying the signature or the token. */
  public String header() {
    return header;
  }

  public Authentication authentication() {
    return authentication;
  }

  /** The Function URL path this source posts to. */
  public String route() {
    return "/webhook/" + wireName;
  }

  /** The source whose route is exactly {@code path}, if any. */
  public static Optional<DeploySource> ofRoute(String path) {
    return Arrays.stream(values()).filter(source -> source.route().equals(path)).findFirst();
  }
}
