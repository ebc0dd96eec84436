package io.chaosfn.store;

import io.chaosfn.ChaosfnException;

/** No experiment document is stored under the name a trigger or user gave. */
public class ExperimentNotFoundException extends ChaosfnException {
  private static final long serialVersionUID = 1L;
  private final String name;

  public ExperimentNotFoundException(String name, String where) {
    super("experiment " + name + " not found in " + where);
    this.name = name;
  }

  /** The id or URI that named nothing. */
  public String name() {
    return name;
  }
}
