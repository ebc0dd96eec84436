package io.chaosfn.activity.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Drains one output stream of a child on a reader thread, so a child that fills one pipe never blocks on it,
 * keeping the first {@code limit} bytes and counting the rest.
 */
final class StreamCapture {
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final int limit;
  private long dropped;

  StreamCapture(InputStream in, int limit, Executor readers) {
    this.limit = limit;
    readers.execute(() -> drain(in));
  }

  private void drain(InputStream in) {
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        synchronized (this) {
          int room = Math.max(0, limit - kept.size());
          kept.write(buffer, 0, Math.min(room, n));
          dropped += n - Math.min(room, n);
        }
      }
    } catch (IOException e) {
      // The stream closes under us when the process tree is killed: what was read is kept.
    } finally {
      ended.countDown();
    }
  }

  /** Waits until the child closed the stream; false when it is still open after {@code millis}. */
  boolean awaitEnd(long millis) throws InterruptedException {
    return ended.await(Math.max(1, millis), TimeUnit.MILLISECONDS);
  }

  void awaitEnd() throws InterruptedException {
    ended.await();
  }

  /** The kept bytes as UTF-8, undecodable bytes replaced by U+FFFD. */
  synchronized String text() {
    return new String(kept.toByteArray(), StandardCharsets.UTF_8);
  }

  synchronized long droppedBytes() {
    return dropped;
  }
}
