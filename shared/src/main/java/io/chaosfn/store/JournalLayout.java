package io.chaosfn.store;

import io.chaosfn.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules every journal store shares: run id syntax, the single-table key layout (architecture.md, data
 * model), retention arithmetic for the TTL attribute, the gzip threshold above which a journal leaves the
 * item, and the opaque cursor format. Stores call these; none of them re-derives a key or a cursor itself.
 *
 * @param retention how long a run is kept after it ended (or started, when it has not ended)
 * @param inlineJournalLimit the largest gzipped journal, in bytes, kept inside a run item; larger ones go to a
 *     bucket and the item keeps the key
 */
public record JournalLayout(Duration retention, int inlineJournalLimit) {
  /** DynamoDB's item limit is 400 KB; the rest of a run item is a few KB, so this leaves a wide margin. */
  public static final int DEFAULT_INLINE_JOURNAL_LIMIT = 300 * 1024;

  public static final Duration DEFAULT_RETENTION = Duration.ofDays(400);

  public static final String META_SORT_KEY = "META";

  /** The one partition of the sparse experiments index: only META items carry it. */
  public static final String EXPERIMENTS_PARTITION = "EXPERIMENT";

  /** A decompressed journal larger than this is refused: a corrupted or hostile item cannot exhaust memory. */
  static final int MAX_JOURNAL_BYTES = 64 * 1024 * 1024;

  private static final Pattern RUN_ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,127}");
  private static final int MAC_BYTES = 16;
  private static final String MAC_ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  public JournalLayout {
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, was " + retention);
    }
    if (inlineJournalLimit < 1) {
      throw new IllegalArgumentException("inlineJournalLimit must be positive, was " + inlineJournalLimit);
    }
  }

  public static JournalLayout defaults() {
    return new JournalLayout(DEFAULT_RETENTION, DEFAULT_INLINE_JOURNAL_LIMIT);
  }

  /**
   * Checks that a run id can be a key and a file name: letters, digits, {@code . _ -}, at most 128 characters
   * (a ULID qualifies).
   *
   * @throws IllegalArgumentException naming the id when it cannot
   */
  public static String checkRunId(String runId) {
    if (!isRunId(runId)) {
      throw new IllegalArgumentException("run id must be 1-128 letters, digits, '.', '_' or '-' starting with a "
          + "letter or digit, was '" + runId + "'");
    }
    return runId;
  }

  public static boolean isRunId(String runId) {
    return runId != null && RUN_ID.matcher(runId).matches();
  }

  public static String experimentPartition(String experimentId) {
    return "EXP#" + experimentId;
  }

  public static String runSortKey(String runId) {
    return "RUN#" + runId;
  }

  public static String outcomePartition(Outcome outcome) {
    return "OUTCOME#" + outcome.wireName();
  }

  /** Where a journal too large for its item lives in the bucket. */
  public static String largeJournalKey(String runId) {
    return "journals/" + checkRunId(runId) + ".json.gz";
  }

  /** The TTL attribute's value: epoch seconds at which the run may be deleted. */
  public long expiresAt(RunRecord run) {
    Instant from = run.endedAt() != null ? run.endedAt() : run.startedAt();
    return from.plus(retention).getEpochSecond();
  }

  public boolean fitsInline(byte[] gzippedJournal) {
    return gzippedJournal.length <= inlineJournalLimit;
  }

  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * @throws IllegalArgumentException when the bytes are not gzip or inflate beyond {@value #MAX_JOURNAL_BYTES}
   */
  public static byte[] gunzip(byte[] gzipped) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      byte[] bytes = in.readNBytes(MAX_JOURNAL_BYTES + 1);
      if (bytes.length > MAX_JOURNAL_BYTES) {
        throw new IllegalArgumentException("journal inflates beyond " + MAX_JOURNAL_BYTES + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new IllegalArgumentException("journal is not valid gzip: " + e.getMessage(), e);
    }
  }

  /** 32 random bytes for {@link #encodeCursor}; a store keeps its key where all its readers find it. */
  public static byte[] newCursorKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /**
   * An opaque cursor for the page after {@code position} (the store's own resume point, e.g. the last key
   * read), bound to the query's filters so it cannot be replayed against another query, and signed.
   */
  public static String encodeCursor(byte[] key, RunQuery query, Map<String, String> position) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    position.forEach(json::put);
    byte[] payload = Json.MAPPER.writeValueAsBytes(json);
    return BASE64.encodeToString(payload) + "." + BASE64.encodeToString(mac(key, query, payload));
  }

  /**
   * The position a cursor made by {@link #encodeCursor} carries.
   *
   * @throws IllegalArgumentException when the cursor is malformed, altered, or was issued for other filters
   */
  public static Map<String, String> decodeCursor(byte[] key, RunQuery query) {
    String cursor = query.cursor();
    int dot = cursor.indexOf('.');
    byte[] payload;
    byte[] signature;
    try {
      payload = Base64.getUrlDecoder().decode(cursor.substring(0, Math.max(dot, 0)));
      signature = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cursor is malformed: pass the nextCursor of the previous page as is", e);
    }
    if (dot < 0 || !MessageDigest.isEqual(signature, mac(key, query, payload))) {
      throw new IllegalArgumentException(
          "cursor was altered or belongs to a query with other filters: pass the nextCursor of the previous page "
              + "with the same filters");
    }
    try {
      JsonNode json = Json.MAPPER.readTree(payload);
      Map<String, String> position = new LinkedHashMap<>();
      json.properties().forEach(e -> position.put(e.getKey(), e.getValue().asString()));
      return position;
    } catch (JacksonException e) {
      throw new IllegalArgumentException("cursor is malformed: pass the nextCursor of the previous page as is", e);
    }
  }

  private static byte[] mac(byte[] key, RunQuery query, byte[] payload) {
    try {
      Mac mac = Mac.getInstance(MAC_ALGORITHM);
      mac.init(new SecretKeySpec(key, MAC_ALGORITHM));
      mac.update(filters(query).getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  /** What a cursor is bound to: every filter, not the page size (a client may change it between pages). */
  private static String filters(RunQuery query) {
    return String.join("\u001f", String.valueOf(query.experimentId()), String.valueOf(query.outcome()),
        String.valueOf(query.deviated()), String.valueOf(query.triggerType()), String.valueOf(query.since()),
        String.valueOf(query.until()));
  }
}
