package io.chaosfn.experiment;

import java.util.Optional;

/** When the steady-state hypothesis is checked (semantics §3.3). */
public enum HypothesisStrategy {
  DEFAULT("default", true, false, true),
  BEFORE_METHOD_ONLY("before-method-only", true, false, false),
  AFTER_METHOD_ONLY("after-method-only", false, false, true),
  DURING_METHOD_ONLY("during-method-only", false, true, false),
  CONTINUOUSLY("continuously", true, true, true),
  SKIP("skip", false, false, false);

  private final String documentName;
  private final boolean before;
  private final boolean during;
  private final boolean after;

  HypothesisStrategy(String documentName, boolean before, boolean during, boolean after) {
    this.documentName = documentName;
    this.before = before;
    this.during = during;
    this.after = after;
  }

  public String documentName() {
    return documentName;
  }

  public boolean checksBefore() {
    return before;
  }

  public boolean checksDuring() {
    return during;
  }

  public boolean checksAfter() {
    return after;
  }

  /**
   * Parses a strategy name; {@code continously} is Chaos Toolkit's accepted misspelling. {@code skip} is only
   * valid in a document's {@code runtime} block, so the CLI passes {@code allowSkip = false}.
   */
  public static Optional<HypothesisStrategy> fromName(String name, boolean allowSkip) {
    if ("continously".equals(name)) {
      return Optional.of(CONTINUOUSLY);
    }
    for (HypothesisStrategy strategy : values()) {
      if (strategy.documentName.equals(name) && (allowSkip || strategy != SKIP)) {
        return Optional.of(strategy);
      }
    }
    return Optional.empty();
  }
}
