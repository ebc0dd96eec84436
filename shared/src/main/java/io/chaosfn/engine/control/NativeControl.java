package io.chaosfn.engine.control;

import io.chaosfn.engine.RunListener;
import io.chaosfn.experiment.Control;

/**
 * A Java implementation of a Chaos Toolkit control module ({@code chaosaddons.controls.safeguards}), created
 * once per declared control name per run. Its hooks are those of {@link RunListener}; a top-level control sees
 * the whole run, a hypothesis or activity control only its own hypothesis or activity.
 */
public interface NativeControl {
  /** The Python module a document names to use this control. */
  String module();

  /** Checks the declared provider's arguments at validation: one message per problem, none when valid. */
  default java.util.List<String> validate(tools.jackson.databind.node.ObjectNode provider) {
    return java.util.List.of();
  }

  RunListener create(Control declaration, ControlEnvironment environment);
}
