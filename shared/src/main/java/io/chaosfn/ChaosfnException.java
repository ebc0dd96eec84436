package io.chaosfn;

/**
 * The one unchecked root of chaosfn's own failures. {@link #userMessage()} is what a user sees: one line,
 * no stack trace; the cause chain goes to the log.
 */
public class ChaosfnException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChaosfnException(String message) {
    super(message);
  }

  public ChaosfnException(String message, Throwable cause) {
    super(message, cause);
  }

  public String userMessage() {
    return getMessage();
  }
}
