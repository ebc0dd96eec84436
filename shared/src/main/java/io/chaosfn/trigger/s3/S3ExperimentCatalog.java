package io.chaosfn.trigger.s3;

import io.chaosfn.ChaosfnException;
import io.chaosfn.experiment.ChaosfnExtension;
import io.chaosfn.experiment.Problem;
import io.chaosfn.experiment.Problems;
import io.chaosfn.experiment.document.DocumentFormat;
import io.chaosfn.store.ExperimentNotFoundException;
import io.chaosfn.store.SourcedExperiment;
import io.chaosfn.store.StoreUnavailableException;
import io.chaosfn.store.s3.S3ExperimentSource;
import io.chaosfn.store.s3.S3Location;
import io.chaosfn.trigger.ExperimentCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The experiments in the experiments bucket under its prefix: every {@code .json}, {@code .yaml} and {@code .yml}
 * object, listed with ListObjectsV2 (all pages) and loaded through {@link S3ExperimentSource}, whose ETag cache
 * makes an unchanged document one conditional GET answered 304. The experiment id is the one the run will record
 * ({@link SourcedExperiment#experimentId()}); the source is the object's {@code s3://} URI.
 *
 * <p>The webhook must answer within 3 s, and a listing plus one GET per experiment is the slow part of it, so the
 * result is kept for a short time ({@link #DEFAULT_TTL}): an experiment uploaded or edited within that time may
 * miss a deploy, which is the price of answering in time. Unreadable documents, invalid {@code chaosfn}
 * extensions and a second document claiming an id already taken are left out with a warning; an object deleted
 * between the listing and its GET is left out silently. When S3 itself cannot be read, nothing is cached.
 */
public final class S3ExperimentCatalog implements ExperimentCatalog {
  /** How long a listing is reused. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(S3ExperimentCatalog.class);
  private static final int DEFAULT_PAGE_SIZE = 1000;

  private final S3Client s3;
  private final S3ExperimentSource source;
  private final String bucket;
  private final String prefix;
  private final Duration ttl;
  private final Clock clock;
  private final int pageSize;
  private volatile Listing cached;

  /**
   * @param source loads each document; the source the runs use, so the cache of parsed documents is shared
   * @param prefix the experiments' key prefix ({@code ""} for none, else ending with {@code /})
   * @param ttl how long a listing is reused, zero for never
   */
  public S3ExperimentCatalog(S3Client s3, S3ExperimentSource source, String bucket, String prefix, Duration ttl,
      Clock clock) {
    this(s3, source, bucket, prefix, ttl, clock, DEFAULT_PAGE_SIZE);
  }

  S3ExperimentCatalog(S3Client s3, S3ExperimentSource source, String bucket, String prefix, Duration ttl,
      Clock clock, int pageSize) {
    this.s3 = s3;
    this.source = source;
    this.bucket = bucket;
    this.prefix = prefix;
    this.ttl = ttl;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /**
   * @throws StoreUnavailableException when the bucket cannot be listed or a document cannot be read
   */
  @Override
  public List<Entry> experiments() {
    Instant now = clock.instant();
    Listing listing = cached;
    if (listing != null && now.isBefore(listing.until())) {
      return listing.entries();
    }
    List<Entry> entries = read();
    cached = new Listing(entries, now.plus(ttl));
    return entries;
  }

  private List<Entry> read() {
    Map<String, Entry> byId = new LinkedHashMap<>();
    for (String key : keys()) {
      entry(key).ifPresent(entry -> {
        Entry taken = byId.putIfAbsent(entry.experimentId(), entry);
        if (taken != null) {
          LOG.warn("{} is left out: experiment id {} is already {}", entry.source(), entry.experimentId(),
              taken.source());
        }
      });
    }
    return List.copyOf(byId.values());
  }

  /** The document keys under the prefix, in key order (as ListObjectsV2 returns them). */
  private List<String> keys() {
    try {
      return s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix).maxKeys(pageSize))
          .contents().stream()
          .map(S3Object::key)
          .filter(key -> DocumentFormat.fromFileName(key).isPresent())
          .toList();
    } catch (SdkException e) {
      throw new StoreUnavailableException("S3: cannot list s3://" + bucket + "/" + prefix + ": " + e.getMessage(),
          e);
    }
  }

  private Optional<Entry> entry(String key) {
    String uri = new S3Location(bucket, key).uri();
    SourcedExperiment sourced;
    try {
      sourced = source.load(uri);
    } catch (ExperimentNotFoundException e) {
      LOG.debug("{} was deleted after the listing", uri);
      return Optional.empty();
    } catch (StoreUnavailableException e) {
      throw e;
    } catch (ChaosfnException e) {
      LOG.warn("{} is left out: {}", uri, e.getMessage());
      return Optional.empty();
    }
    Problems problems = new Problems();
    ChaosfnExtension extension = ChaosfnExtension.fromDocument(sourced.tree(), problems);
    if (!problems.isEmpty()) {
      LOG.warn("{} is left out: {}", uri,
          problems.list().stream().map(Problem::toString).collect(Collectors.joining("; ")));
      return Optional.empty();
    }
    return Optional.of(new Entry(sourced.experimentId(), uri, extension));
  }

  private record Listing(List<Entry> entries, Instant until) {}
}
