package io.chaosfn.store.s3;

import io.chaosfn.store.StoreUnavailableException;
import io.chaosfn.store.dynamodb.LargeJournalBucket;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Journals too large for their DynamoDB item, as gzipped objects in a bucket; the item keeps the key. A put of
 * the same run replaces the object, as the item is replaced, so retries stay idempotent.
 */
public final class S3LargeJournalBucket implements LargeJournalBucket {
  private final S3Client s3;
  private final String bucket;

  public S3LargeJournalBucket(S3Client s3, String bucket) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
  }

  @Override
  public void put(String key, byte[] gzippedJournal) {
    try {
      s3.putObject(request -> request.bucket(bucket).key(key).contentType("application/gzip"),
          RequestBody.fromBytes(gzippedJournal));
    } catch (SdkException e) {
      throw new StoreUnavailableException("cannot store journal " + key + " in s3://" + bucket + ": "
          + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public byte[] get(String key) {
    try {
      return s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
    } catch (SdkException e) {
      throw new StoreUnavailableException("cannot read journal " + key + " from s3://" + bucket + ": "
          + e.getClass().getSimpleName(), e);
    }
  }
}
