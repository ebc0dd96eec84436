package io.chaosfn.activity.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains one output stream of a child on its own thread, so a child that fills one pipe never blocks on it,
 * keeping the first {@code limit} bytes and counting the rest.
 */
final class StreamCapture {
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final Thread reader;
  private final int limit;
  private long dropped;

  StreamCapture(InputStream in, int limit, String name) {
    this.limit = limit;
    this.reader = new Thread(() -> drain(in), name);
    reader.setDaemon(true);
    reader.start();
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
    }
  }

  /** Waits until the child closed the stream; false when it is still open after {@code millis}. */
  boolean awaitEnd(long millis) throws InterruptedException {
    reader.join(Math.max(1, millis));
    return !reader.isAlive();
  }

  void awaitEnd() throws InterruptedException {
    reader.join();
  }

  /** The kept bytes as UTF-8, undecodable bytes replaced by U+FFFD. */
  synchronized String text() {
    return new String(kept.toByteArray(), StandardCharsets.UTF_8);
  }

  synchronized long droppedBytes() {
    return dropped;
  }
}
