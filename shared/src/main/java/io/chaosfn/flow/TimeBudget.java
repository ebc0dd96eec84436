package io.chaosfn.flow;

import io.chaosfn.experiment.Activity;
import io.chaosfn.experiment.Experiment;
import io.chaosfn.experiment.Problems;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Refuses, at validation, experiments whose declared pauses and provider timeouts cannot fit into one Lambda
 * invocation (issue 4 item 4): the hypothesis (checked before and after, as the default strategy does) and the
 * method must fit before the rollback reserve starts, the rollbacks within the reserve. Only numbers count: a
 * {@code ${...}} pause and an activity without a timeout add nothing, and background activities are summed as
 * if sequential, so this is the declared total, not a prediction.
 */
final class TimeBudget {
  private TimeBudget() {}

  /**
   * @param available the invocation's remaining time when the run starts
   * @param reserve the rollback reserve kept before the deadline
   */
  static void check(Experiment experiment, Duration available, Duration reserve, Problems problems) {
    Declared hypothesis = experiment.steadyState().map(h -> Declared.of(h.probes())).orElse(Declared.NONE);
    Declared method = Declared.of(experiment.method());
    Declared beforeRollbacks = hypothesis.times(2).plus(method);
    Duration budget = available.minus(reserve);
    if (beforeRollbacks.total() > budget.toMillis() / 1000.0) {
      problems.at("method").add(String.format(java.util.Locale.ROOT,
          "the hypothesis (checked before and after) and the method declare %s s of pauses + %s s of provider"
              + " timeouts = %s s, more than the %s s the function has before its rollback reserve (%s s remaining"
              + " - %s s reserve)",
          seconds(beforeRollbacks.pauses()), seconds(beforeRollbacks.timeouts()), seconds(beforeRollbacks.total()),
          seconds(budget.toMillis() / 1000.0), seconds(available.toMillis() / 1000.0),
          seconds(reserve.toMillis() / 1000.0)));
    }
    Declared rollbacks = Declared.of(experiment.rollbacks());
    if (rollbacks.total() > reserve.toMillis() / 1000.0) {
      problems.at("rollbacks").add(String.format(java.util.Locale.ROOT,
          "the rollbacks declare %s s of pauses + %s s of provider timeouts = %s s, more than the %s s rollback"
              + " reserve they run in", seconds(rollbacks.pauses()), seconds(rollbacks.timeouts()),
          seconds(rollbacks.total()), seconds(reserve.toMillis() / 1000.0)));
    }
  }

  private static String seconds(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  /** Seconds of pauses and of provider timeouts a list of activities declares. */
  private record Declared(double pauses, double timeouts) {
    static final Declared NONE = new Declared(0, 0);

    static Declared of(List<Activity> activities) {
      double pauses = 0;
      double timeouts = 0;
      for (Activity activity : activities) {
        pauses += number(activity.pauseBefore()) + number(activity.pauseAfter());
        JsonNode timeout = activity.provider() == null ? null : activity.provider().get("timeout");
        if (timeout != null && timeout.isArray()) {
          for (JsonNode part : timeout.values()) {
            timeouts += number(part);
          }
        } else {
          timeouts += number(timeout);
        }
      }
      return new Declared(pauses, timeouts);
    }

    private static double number(JsonNode node) {
      return node != null && node.isNumber() && node.asDouble() > 0 ? node.asDouble() : 0;
    }

    Declared times(int factor) {
      return new Declared(pauses * factor, timeouts * factor);
    }

    Declared plus(Declared other) {
      return new Declared(pauses + other.pauses, timeouts + other.timeouts);
    }

    double total() {
      return pauses + timeouts;
    }
  }
}
