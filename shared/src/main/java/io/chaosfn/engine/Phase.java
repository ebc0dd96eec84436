package io.chaosfn.engine;

/** Where in a run an activity or a hypothesis evaluation happens; the journal's {@code chaosfn} uses the names. */
public enum Phase {
  BEFORE("before"),
  DURING("during"),
  AFTER("after"),
  METHOD("method"),
  ROLLBACKS("rollbacks");

  private final String journalName;

  Phase(String journalName) {
    this.journalName = journalName;
  }

  public String journalName() {
    return journalName;
  }
}
