package io.chaosfn.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * Run ids are ULIDs: 48 bits of milliseconds then 80 bits of entropy, in Crockford base 32, so they sort by
 * start time. A run started by a trigger derives its entropy from the trigger's own id, so a retried delivery
 * gets the same run id and never runs twice.
 */
public final class RunIds {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  /** A fresh run id for a run that nothing will retry (the CLI). */
  public static String random(Instant at) {
    byte[] entropy = new byte[10];
    RANDOM.nextBytes(entropy);
    return encode(at.toEpochMilli(), entropy);
  }

  /**
   * The run id of the run a trigger delivery starts: the same delivery (at the same time) always gives the
   * same id.
   *
   * @param deliveryKey what identifies the delivery: the Scheduler execution id, the EventBridge event id, or the
   *     webhook delivery id plus the experiment id
   */
  public static String derived(Instant at, String deliveryKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(deliveryKey.getBytes(StandardCharsets.UTF_8));
      byte[] entropy = new byte[10];
      System.arraycopy(digest, 0, entropy, 0, entropy.length);
      return encode(at.toEpochMilli(), entropy);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }


  private static String encode(long millis, byte[] entropy) {
    char[] out = new char[26];
    long time = millis;
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    int buffer = 0;
    int bits = 0;
    int position = 10;
    for (byte b : entropy) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out[position++] = ALPHABET[(buffer >>> (bits - 5)) & 31];
        bits -= 5;
      }
    }
    return new String(out);
  }
}
