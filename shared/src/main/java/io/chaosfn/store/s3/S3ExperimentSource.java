package io.chaosfn.store.s3;

import io.chaosfn.engine.journal.ExperimentSourceRef;
import io.chaosfn.experiment.document.DocumentFormat;
import io.chaosfn.experiment.document.DocumentReader;
import io.chaosfn.store.ExperimentNotFoundException;
import io.chaosfn.store.ExperimentSource;
import io.chaosfn.store.SourcedExperiment;
import io.chaosfn.store.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Experiments in an S3 bucket (architecture.md flow 1). A name is an {@code s3://bucket/key} URI, or an
 * experiment id looked up as {@code <prefix><id>.yaml}, {@code .yml}, then {@code .json} in the configured
 * bucket: an experiment whose {@code chaosfn} id differs from its key is addressed by its URI (the schedules
 * ScheduleSync writes always are).
 *
 * <p>Parsed documents are cached by ETag for the life of this object (a warm Lambda container): each load is
 * one conditional GetObject with {@code If-None-Match}; S3 answers 304 without a body when the object has not
 * changed, and the cached tree is used. A HEAD-then-GET would cost two round trips on every change and one on
 * every hit, against one here in both cases. The cache holds one entry per key, replaced when the ETag changes.
 */
public final class S3ExperimentSource implements ExperimentSource {
  private static final Logger LOG = LoggerFactory.getLogger(S3ExperimentSource.class);
  private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");
  private static final int NOT_MODIFIED = 304;

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /**
   * @param bucket the experiments bucket, where ids are looked up
   * @param prefix the key prefix of experiments in it ({@code ""} for none, else ending with {@code /})
   */
  public S3ExperimentSource(S3Client s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  @Override
  public SourcedExperiment load(String idOrUri) {
    if (idOrUri.startsWith("s3://")) {
      S3Location location = S3Location.parse(idOrUri);
      return loadCurrent(location.bucket(), location.key());
    }
    if (bucket == null) {
      throw new ExperimentNotFoundException(idOrUri, "S3 (no experiments bucket is configured for ids)");
    }
    for (String extension : EXTENSIONS) {
      try {
        return loadCurrent(bucket, prefix + idOrUri + extension);
      } catch (ExperimentNotFoundException e) {
        LOG.debug("experiment {} is not {}{}{}", idOrUri, prefix, idOrUri, extension);
      }
    }
    throw new ExperimentNotFoundException(idOrUri, "s3://" + bucket + "/" + prefix + " (as .yaml, .yml or .json)");
  }

  @Override
  public SourcedExperiment load(ExperimentSourceRef ref) {
    S3Location location = S3Location.parse(ref.uri());
    if (ref.versionId() == null) {
      return loadCurrent(location.bucket(), location.key());
    }
    ResponseBytes<GetObjectResponse> object = get(location, GetObjectRequest.builder()
        .bucket(location.bucket()).key(location.key()).versionId(ref.versionId()).build());
    return parsed(location, object).copy();
  }

  private SourcedExperiment loadCurrent(String bucketName, String key) {
    S3Location location = new S3Location(bucketName, key);
    Cached cached = cache.get(location.uri());
    GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucketName).key(key);
    if (cached != null) {
      request.ifNoneMatch(cached.experiment().ref().etag());
    }
    try {
      Cached fresh = parsed(location, get(location, request.build()));
      cache.put(location.uri(), fresh);
      return fresh.copy();
    } catch (NotModified e) {
      return cached.copy();
    }
  }

  private ResponseBytes<GetObjectResponse> get(S3Location location, GetObjectRequest request) {
    try {
      return s3.getObjectAsBytes(request);
    } catch (NoSuchKeyException e) {
      throw new ExperimentNotFoundException(location.uri(), "S3");
    } catch (S3Exception e) {
      if (e.statusCode() == NOT_MODIFIED) {
        throw new NotModified();
      }
      if (e.statusCode() == 404) {
        throw new ExperimentNotFoundException(location.uri(), "S3");
      }
      throw unavailable(location, e);
    } catch (SdkException e) {
      throw unavailable(location, e);
    }
  }

  private static StoreUnavailableException unavailable(S3Location location, SdkException e) {
    return new StoreUnavailableException("S3: cannot read " + location.uri() + ": " + e.getMessage(), e);
  }

  private static Cached parsed(S3Location location, ResponseBytes<GetObjectResponse> object) {
    GetObjectResponse response = object.response();
    if (response.contentLength() != null && response.contentLength() > DocumentReader.MAX_DOCUMENT_BYTES) {
      throw DocumentReader.failure(location.uri(), "the document is " + response.contentLength()
          + " bytes, more than the limit of " + DocumentReader.MAX_DOCUMENT_BYTES + " bytes (10 MiB)");
    }
    DocumentFormat format = DocumentFormat.fromFileName(location.key()).orElse(DocumentFormat.YAML);
    ExperimentSourceRef ref = new ExperimentSourceRef(location.uri(), response.versionId(), response.eTag());
    return new Cached(new SourcedExperiment(DocumentReader.read(object.asByteArray(), format, location.uri()), ref,
        SourcedExperiment.idFromName(location.key())));
  }

  /** A parsed document; handed out as copies so no caller can change what the next invocation reads. */
  private record Cached(SourcedExperiment experiment) {
    SourcedExperiment copy() {
      return new SourcedExperiment(experiment.tree().deepCopy(), experiment.ref(), experiment.nameId());
    }
  }

  /** S3 answered 304: the cached document is current. */
  private static final class NotModified extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotModified() {
      super(null, null, false, false);
    }
  }
}
