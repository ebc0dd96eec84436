package io.chaosfn.functions;

import io.chaosfn.engine.journal.ExperimentSourceRef;
import io.chaosfn.store.Delivery;
import io.chaosfn.store.DeliveryLog;
import io.chaosfn.store.ExperimentSource;
import io.chaosfn.store.SourcedExperiment;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A collaborator built on first use, then kept. Building an SDK client loads a few hundred classes (its service
 * model, endpoint rules, the HTTP client's TLS set-up), about 0.1–0.3 s of a cold start; a request that is answered
 * before it needs the client (a 405 at the webhook, a sweep with nothing to sweep) does not pay for it. A Lambda
 * container runs one invocation at a time, but the build is synchronised all the same: the CRaC priming hook may
 * build on another thread.
 */
final class Lazy<T> implements Supplier<T> {
  private final Supplier<? extends T> build;
  private T value;

  Lazy(Supplier<? extends T> build) {
    this.build = Objects.requireNonNull(build, "build");
  }

  @Override
  public synchronized T get() {
    if (value == null) {
      value = Objects.requireNonNull(build.get(), "a lazy collaborator was built as null");
    }
    return value;
  }

  /** An experiment source whose S3 client is built on the first load. */
  static ExperimentSource experimentSource(Supplier<? extends ExperimentSource> source) {
    return new ExperimentSource() {
      @Override
      public SourcedExperiment load(String idOrUri) {
        return source.get().load(idOrUri);
      }

      @Override
      public SourcedExperiment load(ExperimentSourceRef ref) {
        return source.get().load(ref);
      }
    };
  }

  /** A delivery log whose DynamoDB client is built on the first record. */
  static DeliveryLog deliveryLog(Supplier<? extends DeliveryLog> log) {
    return new DeliveryLog() {
      @Override
      public boolean record(Delivery delivery, Instant now) {
        return log.get().record(delivery, now);
      }

      @Override
      public void forget(Delivery delivery) {
        log.get().forget(delivery);
      }
    };
  }
}
