import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor of the CLI benchmark's process run: a fresh JVM that runs {@code true} N times as the process provider
 * does (no shell, stdin closed, stdout and stderr read to the end, exit status awaited) and nothing else: no
 * document, engine, journal or store. Like the provider, it reads stderr on a pooled thread while the calling thread
 * reads stdout. Run by run.sh with the launcher's JVM flags.
 *
 * <p>Usage: {@code java Spawn N}
 */
public final class Spawn {
  private Spawn() {}

  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable);
      thread.setDaemon(true);
      return thread;
    });
    for (int i = 0; i < count; i++) {
      Process process = new ProcessBuilder("true").start();
      process.getOutputStream().close();
      Future<byte[]> stderr = readers.submit(() -> readAll(process.getErrorStream()));
      readAll(process.getInputStream());
      stderr.get();
      process.waitFor();
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
