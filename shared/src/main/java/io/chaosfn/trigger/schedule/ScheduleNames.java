package io.chaosfn.trigger.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Schedule names (architecture.md, data model): {@code chaosfn-} plus the experiment id with every character
 * outside {@code [0-9A-Za-z-_.]} replaced by {@code -}, in the group {@code chaosfn}. The Scheduler allows 64
 * characters; a longer name is cut and ends with {@code -} and 8 hex digits of the id's SHA-256.
 *
 * <p>The hash is also added when characters were replaced, which architecture.md does not ask for: without it
 * {@code team/db} and {@code team-db} would share one schedule, and each upload would overwrite the other's.
 */
public final class ScheduleNames {
  public static final String GROUP = "chaosfn";
  public static final String PREFIX = "chaosfn-";
  public static final int MAX_LENGTH = 64;
  private static final int HASH_LENGTH = 8;

  private ScheduleNames() {}

  /** The schedule name of an experiment. */
  public static String of(String experimentId) {
    if (experimentId == null || experimentId.isEmpty()) {
      throw new IllegalArgumentException("a schedule name needs an experiment id");
    }
    String reduced = experimentId.replaceAll("[^0-9A-Za-z._-]", "-");
    String name = PREFIX + reduced;
    boolean altered = !reduced.equals(experimentId);
    if (!altered && name.length() <= MAX_LENGTH) {
      return name;
    }
    String suffix = "-" + hash(experimentId);
    return name.substring(0, Math.min(name.length(), MAX_LENGTH - suffix.length())) + suffix;
  }

  private static String hash(String experimentId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(experimentId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
