package io.chaosfn.flow;

import java.util.Objects;

/**
 * An experiments-bucket object was written or removed (S3's {@code Object Created} / {@code Object Deleted}
 * EventBridge notifications; a delete marker in the versioned bucket is a removal too).
 */
public record ObjectChange(Kind kind, String bucket, String key) {
  public enum Kind { CREATED, DELETED }

  public ObjectChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
  }

  public String uri() {
    return "s3://" + bucket + "/" + key;
  }
}
