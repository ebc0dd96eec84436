package io.chaosfn.trigger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A webhook's shared secret (an HMAC key or Argo CD's token). It never prints: {@link #toString()} is {@code ***}. */
public final class SharedSecret {
  private final byte[] value;

  private SharedSecret(byte[] value) {
    this.value = value;
  }

  /**
   * @throws IllegalArgumentException when {@code value} is empty (an empty HMAC key would accept anyone who
   *     guesses it is empty)
   */
  public static SharedSecret of(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a webhook secret must not be empty");
    }
    return new SharedSecret(value.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy of the secret's bytes (UTF-8, as Flux and GitHub use the configured string). */
  public byte[] bytes() {
    return Arrays.copyOf(value, value.length);
  }

  @Override
  public String toString() {
    return "***";
  }
}
