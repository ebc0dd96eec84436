package io.chaosfn.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dynalite, the DynamoDB API in Node with a memory store, as a child process on a free loopback port (dynalite
 * reads {@code --port 0} as its default 4567, which another process may hold, so the port is chosen here). Table
 * operations take no simulated time. Its limits (local-test-infrastructure.md §1): no transactions, no
 * UpdateTimeToLive, TTL never deletes.
 *
 * <p>The process is destroyed by {@link #close()} and, should the JVM exit another way (Ctrl-C, an uncaught
 * error), by a shutdown hook, so no {@code node} process is left behind.
 */
public final class DynaliteProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("Dynalite listening at: .*:(\\d+)");
  private static final long START_SECONDS = 20;

  private final Process process;
  private final Thread hook;
  private final int port;

  private DynaliteProcess(Process process) {
    this.process = process;
    this.hook = new Thread(this::stop, "dynalite-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    this.port = awaitPort();
  }

  /**
   * Starts dynalite and waits until it listens.
   *
   * @param nodeProject {@code infrastructure/local}, where {@code npm ci} installed dynalite
   * @throws IllegalStateException when dynalite is not installed there, or does not listen within 20 s
   */
  public static DynaliteProcess start(Path nodeProject) {
    Path cli = nodeProject.toAbsolutePath().resolve("node_modules/dynalite/cli.js");
    if (!Files.isRegularFile(cli)) {
      throw new IllegalStateException(cli + " is missing: run `npm ci` in " + nodeProject
          + " (the shared module's build runs it before its tests)");
    }
    try {
      return new DynaliteProcess(new ProcessBuilder(List.of("node", cli.toString(), "--host", "127.0.0.1",
          "--port", String.valueOf(freePort()), "--createTableMs", "0", "--deleteTableMs", "0",
          "--updateTableMs", "0"))
          .directory(nodeProject.toFile()).redirectErrorStream(true).start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node for dynalite (is node installed?)", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port for dynalite", e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and runs the hook itself
    }
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private int awaitPort() {
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> drain(listening), "dynalite-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return listening.get(START_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      close();
      throw new IllegalStateException("dynalite did not report listening within " + START_SECONDS + " s", e);
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting dynalite", e);
    }
  }

  /** Reads node's output to its end, so a full pipe never blocks it; the listening line gives the port. */
  private void drain(CompletableFuture<Integer> listening) {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          listening.complete(Integer.parseInt(matcher.group(1)));
        }
      }
      listening.completeExceptionally(new IllegalStateException("dynalite exited before listening"));
    } catch (IOException e) {
      listening.completeExceptionally(e);
    }
  }
}
