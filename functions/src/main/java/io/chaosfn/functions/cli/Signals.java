package io.chaosfn.functions.cli;

import io.chaosfn.engine.Stop;
import io.chaosfn.engine.StopSignal;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Turns SIGINT / SIGTERM into a graceful stop (rollbacks still play) and a second one, or SIGUSR2, into an
 * ungraceful one (decisions.md §1). Uses {@code sun.misc.Signal}: the only JDK way to see a signal without
 * ending the process, which is what lets the journal still be written.
 */
final class Signals {
  private final AtomicInteger received = new AtomicInteger();

  void install(StopSignal stop, PrintStream err) {
    for (String name : new String[] {"INT", "TERM"}) {
      Signal.handle(new Signal(name), signal -> {
        boolean first = received.incrementAndGet() == 1;
        err.println(first
            ? "[run] SIG" + name + " received: stopping, rollbacks will still run (send again to skip them)"
            : "[run] SIG" + name + " received again: stopping without rollbacks");
        stop.request(Stop.signal("SIG" + name, first), true);
      });
    }
    Signal.handle(new Signal("USR2"), signal -> {
      err.println("[run] SIGUSR2 received: stopping without rollbacks");
      stop.request(Stop.signal("SIGUSR2", false), true);
    });
  }
}
