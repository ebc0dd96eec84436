package io.chaosfn.engine;

import java.util.Objects;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Why a run was interrupted, as the journal's {@code chaosfn.stop} records it, and what that does to the
 * rollbacks (decisions.md §1).
 *
 * @param cause {@code safeguard}, {@code deadline}, {@code signal}, {@code control} or {@code runtime-lost}
 * @param rollbacks what the interruption does to the rollbacks
 * @param detail what else the journal should say (the probe, the remaining time, the signal)
 */
public record Stop(String cause, Rollbacks rollbacks, ObjectNode detail) {
  /** The rollback rule an interruption brings. */
  public enum Rollbacks {
    /** Played unless the strategy is {@code never}: chaosfn's own stops (decisions.md §1). */
    UNLESS_NEVER,
    /** Chaos Toolkit's rule for an interruption: played only under {@code always}. */
    ONLY_ALWAYS,
    /** Not played whatever the strategy: an ungraceful stop. */
    NONE
  }

  public Stop {
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(rollbacks, "rollbacks");
    detail = detail == null ? JsonNodeFactory.instance.objectNode() : detail.deepCopy();
  }

  public static Stop signal(String signal, boolean graceful) {
    ObjectNode detail = JsonNodeFactory.instance.objectNode().put("signal", signal);
    return new Stop("signal", graceful ? Rollbacks.UNLESS_NEVER : Rollbacks.NONE, detail);
  }

  public static Stop deadline(long remainingMillis) {
    return new Stop("deadline", Rollbacks.UNLESS_NEVER,
        JsonNodeFactory.instance.objectNode().put("remaining_ms", remainingMillis));
  }

  public static Stop safeguard(String probe, String reason) {
    return new Stop("safeguard", Rollbacks.UNLESS_NEVER,
        JsonNodeFactory.instance.objectNode().put("probe", probe).put("reason", reason));
  }

  /** A control interrupted the run, as a Chaos Toolkit control raising {@code InterruptExecution} does. */
  public static Stop control(String control, String reason) {
    return new Stop("control", Rollbacks.ONLY_ALWAYS,
        JsonNodeFactory.instance.objectNode().put("control", control).put("reason", reason));
  }

  /**
   * The sweeper found the run's lease expired with no journal: its function was killed (decisions.md §1).
   * Rollbacks are attempted unless the strategy is {@code never}.
   */
  public static Stop runtimeLost(java.time.Instant leaseUntil) {
    return new Stop("runtime-lost", Rollbacks.UNLESS_NEVER, JsonNodeFactory.instance.objectNode()
        .put("lease_until", io.chaosfn.engine.journal.Timestamps.format(leaseUntil)));
  }

  /** This stop made ungraceful: a second signal after the first. */
  Stop ungraceful() {
    return new Stop(cause, Rollbacks.NONE, detail);
  }

  /** The journal's {@code chaosfn.stop} object. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("cause", cause);
    json.setAll(detail);
    json.put("rollbacks", rollbacks.name().toLowerCase(java.util.Locale.ROOT));
    return json;
  }
}
