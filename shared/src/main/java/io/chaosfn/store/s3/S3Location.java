package io.chaosfn.store.s3;

/** A bucket and key, as an {@code s3://bucket/key} URI names them. */
public record S3Location(String bucket, String key) {
  private static final String SCHEME = "s3://";

  public S3Location {
    if (bucket == null || bucket.isEmpty() || key == null || key.isEmpty()) {
      throw new IllegalArgumentException("an S3 location needs a bucket and a key");
    }
  }

  /**
   * @throws IllegalArgumentException when the text is not {@code s3://bucket/key}
   */
  public static S3Location parse(String uri) {
    int slash = uri.startsWith(SCHEME) ? uri.indexOf('/', SCHEME.length()) : -1;
    if (slash < 0 || slash == SCHEME.length() || slash == uri.length() - 1) {
      throw new IllegalArgumentException("expected s3://bucket/key, found " + uri);
    }
    return new S3Location(uri.substring(SCHEME.length(), slash), uri.substring(slash + 1));
  }

  public static boolean isS3Uri(String text) {
    return text.startsWith(SCHEME);
  }

  public String uri() {
    return SCHEME + bucket + "/" + key;
  }
}
