package io.chaosfn.functions;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart's priming hook (lambda-engineering.md §1.3): before Lambda snapshots an initialised function version,
 * it runs the function's priming, so the classes of a first request are loaded, and its code run once, in the
 * snapshot rather than after every restore. The rules every priming keeps: no request reaches AWS or a cluster,
 * nothing secret is read or cached (a snapshot is restored many times, on other hosts, and kept for weeks), and
 * a failure is logged and ignored, because a function primed less is slower, not wrong. Nothing is re-read after
 * a restore: priming leaves no secret, credential or connection behind to refresh.
 *
 * <p>Outside SnapStart (tests, the sandbox, functions without it) the runtime never calls the hook.
 */
final class Priming implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

  private final String function;
  private final Runnable prime;

  private Priming(String function, Runnable prime) {
    this.function = function;
    this.prime = prime;
  }

  /**
   * Registers an HTTP function's priming with the runtime: {@code primeClients}, then each of {@code events} (payload
   * 2.0 requests answered without a call to any service) through {@code handler}, the answers discarded. The
   * caller keeps the returned hook in a field: a CRaC context may hold its resources weakly.
   */
  static Priming registerHttp(String function, Runnable primeClients, RequestStreamHandler handler,
      List<byte[]> events) {
    Priming priming = new Priming(function, () -> {
      primeClients.run();
      for (byte[] event : events) {
        try {
          handler.handleRequest(new ByteArrayInputStream(event), OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
    Core.getGlobalContext().register(priming);
    return priming;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    long start = System.nanoTime();
    try {
      prime.run();
      LOG.info("{} primed for the snapshot in {} ms", function, (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException e) {
      LOG.warn("{} could not be primed, the snapshot is taken as it is: {}", function, e.toString());
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to refresh: priming caches no secret and resolves no credentials (see the class comment).
  }
}
