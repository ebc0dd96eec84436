package io.chaosfn.store.dynamodb;

import io.chaosfn.ChaosfnException;

/**
 * Where journals too large for their DynamoDB item go (S3 in AWS); the item keeps the key. Keys come from
 * {@link io.chaosfn.store.JournalLayout#largeJournalKey}; the bytes are the gzipped journal.
 */
public interface LargeJournalBucket {
  /** Stores or replaces the object. */
  void put(String key, byte[] gzippedJournal);

  /** The object's bytes. */
  byte[] get(String key);

  /** For deployments without a bucket: a journal above the inline limit cannot be stored, and says why. */
  static LargeJournalBucket none() {
    return new LargeJournalBucket() {
      @Override
      public void put(String key, byte[] gzippedJournal) {
        throw new ChaosfnException("journal " + key + " is " + gzippedJournal.length
            + " bytes gzipped, above the inline limit, and no bucket for large journals is configured");
      }

      @Override
      public byte[] get(String key) {
        throw new ChaosfnException("journal " + key + " lives in a bucket for large journals, and none is configured");
      }
    };
  }
}
