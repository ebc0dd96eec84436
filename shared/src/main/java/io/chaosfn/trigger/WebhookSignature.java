package io.chaosfn.trigger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook request comes from who holds the shared secret (decisions.md §7). A signature is exactly
 * {@code sha256=} and 64 lower-case hex digits: the HMAC-SHA256 of the raw body bytes. Argo CD's token is the
 * secret itself. Every decision is one constant-time comparison ({@link MessageDigest#isEqual}) of two 32-byte
 * values, so the time a forged request takes says nothing about how close it came.
 */
public final class WebhookSignature {
  private static final String PREFIX = "sha256=";
  private static final Pattern FORMAT = Pattern.compile("sha256=[0-9a-f]{64}");
  private static final String HMAC = "HmacSHA256";

  /** Compares two secret-derived values without an early exit. */
  @FunctionalInterface
  interface Equality {
    boolean equal(byte[] expected, byte[] presented);
  }

  private final Equality equality;

  public WebhookSignature() {
    this(MessageDigest::isEqual);
  }

  /** For tests that check every decision goes through the constant-time comparison. */
  WebhookSignature(Equality equality) {
    this.equality = equality;
  }

  /**
   * Accepts the request when {@code header} is the signature of {@code body} under {@code key}.
   *
   * @param header the signature header's value, null when the header is missing
   * @throws SignatureRejectedException when the header is missing, not in the exact format, or wrong
   */
  public void verifyHmac(String header, byte[] body, byte[] key) {
    if (header == null) {
      throw new SignatureRejectedException("the request is not signed");
    }
    // The format is not secret: refusing sha1=, upper-case hex or a short value early leaks nothing.
    if (!FORMAT.matcher(header).matches()) {
      throw new SignatureRejectedException("the signature must be sha256= followed by 64 lower-case hex digits");
    }
    byte[] presented = HexFormat.of().parseHex(header, PREFIX.length(), header.length());
    if (!equality.equal(hmac(key, body), presented)) {
      throw new SignatureRejectedException("the signature does not match the body");
    }
  }

  /**
   * Accepts the request when {@code header} is the shared token. Both sides are hashed first: comparing equal
   * lengths means a wrong token's length is not revealed either.
   *
   * @throws SignatureRejectedException when the header is missing or wrong
   */
  public void verifyToken(String header, byte[] token) {
    if (header == null) {
      throw new SignatureRejectedException("the request carries no token");
    }
    if (!equality.equal(sha256(token), sha256(header.getBytes(StandardCharsets.UTF_8)))) {
      throw new SignatureRejectedException("the token is wrong");
    }
  }

  /** The signature header value a sender computes for {@code body}: {@code sha256=<64 lower-case hex>}. */
  public static String sign(byte[] key, byte[] body) {
    return PREFIX + HexFormat.of().formatHex(hmac(key, body));
  }

  private static byte[] hmac(byte[] key, byte[] body) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256 and accepts any non-empty key", e);
    }
  }

  private static byte[] sha256(byte[] value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
