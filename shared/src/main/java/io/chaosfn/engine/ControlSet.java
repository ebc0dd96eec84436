package io.chaosfn.engine;

import io.chaosfn.engine.control.ControlEnvironment;
import io.chaosfn.engine.control.NativeControl;
import io.chaosfn.experiment.Activity;
import io.chaosfn.experiment.Control;
import io.chaosfn.experiment.Hypothesis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared controls of one run, made into listeners once per control name (as Chaos Toolkit initialises
 * each control once). Top-level automatic controls see every hook; hypothesis and activity controls see only
 * their own. Controls with no native implementation were reported as warnings at parse time and are skipped.
 */
final class ControlSet {
  private final Map<String, NativeControl> natives;
  private final ControlEnvironment environment;
  private final Map<String, RunListener> created = new HashMap<>();
  private final Map<String, Control> topLevel = new HashMap<>();

  ControlSet(List<NativeControl> natives, ControlEnvironment environment) {
    Map<String, NativeControl> byModule = new HashMap<>();
    natives.forEach(n -> byModule.put(n.module(), n));
    this.natives = byModule;
    this.environment = environment;
  }

  /** Listeners of the top-level controls, for the whole run. */
  List<RunListener> topLevel(List<Control> controls) {
    List<RunListener> listeners = new ArrayList<>();
    for (Control control : controls) {
      topLevel.putIfAbsent(control.name(), control);
      listener(control).ifPresent(listeners::add);
    }
    return listeners;
  }

  RunListeners forActivity(Activity activity, RunListeners base) {
    return activity.controls().isEmpty() ? base : base.with(local(activity.controls()));
  }

  RunListeners forHypothesis(Hypothesis hypothesis, RunListeners base) {
    return hypothesis.controls().isEmpty() ? base : base.with(local(hypothesis.controls()));
  }

  private List<RunListener> local(List<Control> controls) {
    List<RunListener> listeners = new ArrayList<>();
    for (Control control : controls) {
      Control declaration = control.ref() == null ? control : topLevel.get(control.ref());
      if (declaration != null) {
        listener(declaration).ifPresent(listeners::add);
      }
    }
    return listeners;
  }

  private synchronized java.util.Optional<RunListener> listener(Control control) {
    NativeControl implementation = natives.get(control.module());
    if (implementation == null) {
      return java.util.Optional.empty();
    }
    RunListener listener = created.computeIfAbsent(control.name(),
        name -> Scoped.wrap(control.scope(), implementation.create(control, environment)));
    return java.util.Optional.of(listener);
  }
}
