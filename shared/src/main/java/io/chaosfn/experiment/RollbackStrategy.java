package io.chaosfn.experiment;

import java.util.Optional;

/** When rollbacks are played (semantics §3.5; interruptions per decisions.md §1). */
public enum RollbackStrategy {
  DEFAULT("default"),
  ALWAYS("always"),
  NEVER("never"),
  DEVIATED("deviated");

  private final String documentName;

  RollbackStrategy(String documentName) {
    this.documentName = documentName;
  }

  public String documentName() {
    return documentName;
  }

  public static Optional<RollbackStrategy> fromName(String name) {
    for (RollbackStrategy strategy : values()) {
      if (strategy.documentName.equals(name)) {
        return Optional.of(strategy);
      }
    }
    return Optional.empty();
  }
}
