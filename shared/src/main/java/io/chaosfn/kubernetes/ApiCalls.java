package io.chaosfn.kubernetes;

import io.chaosfn.activity.ActivityFailedException;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where Kubernetes API calls are retried and where fabric8's exceptions become Chaos Toolkit
 * activity failures. fabric8 8 retries 429 and 5xx on its own (up to 10 times by default); the clients built by
 * {@link ClusterClients} turn that off, so the retry budget below is the only one.
 *
 * <p>Retried: 409 Conflict, 429 Too Many Requests and every 5xx, at most {@code maxAttempts} attempts in all,
 * waiting {@code initialBackoff} doubled after each attempt and capped at {@code maxBackoff}. Everything else
 * fails at once: 401 and 403 name the RBAC verb and resource that were refused, 404 names the object or the
 * namespace.
 *
 * @param maxAttempts attempts per call, including the first
 * @param initialBackoff the wait after the first failed attempt
 * @param maxBackoff the longest wait between two attempts
 * @param sleeper how to wait
 */
public record ApiCalls(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {
  private static final Logger LOG = LoggerFactory.getLogger(ApiCalls.class);

  public ApiCalls {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be at least 1, found " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("backoff must be 0 <= initial <= max, found " + initialBackoff + " and "
          + maxBackoff);
    }
  }

  /** Four attempts, 200 ms doubling up to 2 s: under 4 s of waiting before an activity gives up. */
  public static ApiCalls defaults() {
    return new ApiCalls(4, Duration.ofMillis(200), Duration.ofSeconds(2), Sleeper.THREAD);
  }

  /**
   * Runs {@code call}, retrying what is worth retrying.
   *
   * @throws ActivityFailedException with a message that names the request, when the call fails for good
   */
  public <T> T run(ApiRequest request, Supplier<T> call) {
    Duration backoff = initialBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (KubernetesClientException e) {
        if (!retryable(e.getCode()) || attempt == maxAttempts) {
          throw failure(request, e, attempt);
        }
        LOG.debug("{} got HTTP {}, attempt {} of {}", request.describe(), e.getCode(), attempt, maxAttempts);
        pause(request, backoff);
        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
      }
    }
  }

  private void pause(ApiRequest request, Duration backoff) {
    try {
      sleeper.sleep(backoff);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActivityFailedException(request.describe() + " was interrupted", e);
    }
  }

  static boolean retryable(int code) {
    return code == 409 || code == 429 || code >= 500;
  }

  /** The activity failure for a request the API refused, in words a user can act on. */
  public static ActivityFailedException failure(ApiRequest request, KubernetesClientException e, int attempts) {
    int code = e.getCode();
    String message;
    if (code == 401) {
      message = "the Kubernetes API did not accept the credentials (401 Unauthorized) to " + request.describe()
          + "; check the cluster authentication settings";
    } else if (code == 403) {
      message = "forbidden (403): RBAC must grant verb '" + request.verb() + "' on resource '" + request.resource()
          + "' (API group " + request.groupLabel() + ")" + request.where() + " to " + request.describe();
    } else if (code == 404) {
      message = request.name() == null
          ? "namespace '" + request.namespace() + "' was not found (404) to " + request.describe()
          : request.resource() + " '" + request.name() + "' was not found in namespace '" + request.namespace()
              + "' (404)";
    } else if (code == 0) {
      message = "cannot reach the Kubernetes API to " + request.describe() + ": " + rootMessage(e);
    } else {
      message = request.describe() + " failed with HTTP " + code + reason(e.getStatus())
          + (attempts > 1 ? " after " + attempts + " attempts" : "");
    }
    return new ActivityFailedException(message, e);
  }

  private static String reason(Status status) {
    if (status == null || status.getMessage() == null || status.getMessage().isBlank()) {
      return "";
    }
    return ": " + status.getMessage();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
