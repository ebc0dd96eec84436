package io.chaosfn.experiment;

import java.util.Arrays;
import java.util.Optional;

/** Chaos Toolkit's {@code --dry} modes: which activities are not executed, and whether pauses are kept. */
public enum DryMode {
  PROBES("probes"),
  ACTIONS("actions"),
  ACTIVITIES("activities"),
  PAUSE("pause");

  private final String documentName;

  DryMode(String documentName) {
    this.documentName = documentName;
  }

  public String documentName() {
    return documentName;
  }

  public static Optional<DryMode> fromName(String name) {
    return Arrays.stream(values()).filter(m -> m.documentName.equals(name)).findFirst();
  }

  /** True when an activity of this kind is not executed under this mode. */
  public boolean skips(ActivityKind kind) {
    switch (this) {
      case PROBES:
        return kind == ActivityKind.PROBE;
      case ACTIONS:
        return kind == ActivityKind.ACTION;
      case ACTIVITIES:
        return true;
      default:
        return false;
    }
  }

  /** True when tolerances are taken as met without checking (the probes did not run). */
  public boolean skipsTolerances() {
    return this == PROBES || this == ACTIVITIES;
  }
}
