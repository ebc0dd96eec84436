package io.chaosfn.flow;

import io.chaosfn.ChaosfnException;
import io.chaosfn.experiment.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A journal query with bad parameters (HTTP 400). Each problem's path is the parameter's name; every bad
 * parameter of the request is reported, not only the first.
 */
public class InvalidQueryException extends ChaosfnException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public InvalidQueryException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid query has at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
