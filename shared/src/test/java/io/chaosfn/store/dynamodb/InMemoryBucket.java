package io.chaosfn.store.dynamodb;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test stand-in for the S3 bucket of large journals: the store's threshold logic is what is under test here,
 * not S3 (no S3 implementation of {@link LargeJournalBucket} exists yet).
 */
final class InMemoryBucket implements LargeJournalBucket {
  final Map<String, byte[]> objects = new ConcurrentHashMap<>();

  @Override
  public void put(String key, byte[] gzippedJournal) {
    objects.put(key, gzippedJournal.clone());
  }

  @Override
  public byte[] get(String key) {
    byte[] bytes = objects.get(key);
    if (bytes == null) {
      throw new IllegalStateException("no object " + key);
    }
    return bytes.clone();
  }
}
