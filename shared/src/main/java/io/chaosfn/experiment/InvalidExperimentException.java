package io.chaosfn.experiment;

import io.chaosfn.ChaosfnException;
import java.util.List;
import java.util.stream.Collectors;

/** A document that cannot run: every problem found, each with its path. CLI exit 1, HTTP 400. */
public class InvalidExperimentException extends ChaosfnException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public InvalidExperimentException(List<Problem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidExperimentException(String path, String message) {
    this(List.of(new Problem(path, message)));
  }

  public InvalidExperimentException(String path, String message, Throwable cause) {
    super(new Problem(path, message).toString(), cause);
    this.problems = List.of(new Problem(path, message));
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
