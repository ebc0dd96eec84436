package io.chaosfn.activity;

import java.util.Objects;

/**
 * One keyword argument of a native activity, as the Python function it replaces declares it. A parameter
 * without a default is required; {@code secrets} and {@code configuration} are never listed: the engine
 * supplies them, as Chaos Toolkit does.
 */
public record Parameter(String name, boolean required) {
  public Parameter {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("parameter name must not be blank");
    }
  }

  public static Parameter required(String name) {
    return new Parameter(name, true);
  }

  public static Parameter optional(String name) {
    return new Parameter(name, false);
  }
}
