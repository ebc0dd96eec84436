package io.chaosfn.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found while walking a document, so a user sees all of them at once instead of fixing
 * one per run. Paths are built by the walker: {@code at("method").at(2).at("provider")}.
 */
public final class Problems {
  private final List<Problem> problems;
  private final List<Problem> warnings;
  private final String path;

  public Problems() {
    this(new ArrayList<>(), new ArrayList<>(), "");
  }

  private Problems(List<Problem> problems, List<Problem> warnings, String path) {
    this.problems = problems;
    this.warnings = warnings;
    this.path = path;
  }

  /** A view of the same collection, one object key deeper. */
  public Problems at(String key) {
    return new Problems(problems, warnings, path.isEmpty() ? key : path + "." + key);
  }

  /** A view of the same collection, one list index deeper. */
  public Problems at(int index) {
    return new Problems(problems, warnings, path + "[" + index + "]");
  }

  public String path() {
    return path;
  }

  public void add(String message) {
    problems.add(new Problem(path, message));
  }

  public void warn(String message) {
    warnings.add(new Problem(path, message));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public int count() {
    return problems.size();
  }

  public List<Problem> list() {
    return List.copyOf(problems);
  }

  public List<Problem> warnings() {
    return List.copyOf(warnings);
  }
}
