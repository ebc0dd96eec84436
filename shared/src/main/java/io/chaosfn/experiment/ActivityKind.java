package io.chaosfn.experiment;

/** Probes observe, actions change things; they run the same way and differ only under dry modes. */
public enum ActivityKind {
  PROBE("probe"),
  ACTION("action");

  private final String documentName;

  ActivityKind(String documentName) {
    this.documentName = documentName;
  }

  public String documentName() {
    return documentName;
  }

  static ActivityKind fromDocument(String name) {
    for (ActivityKind kind : values()) {
      if (kind.documentName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(name);
  }
}
