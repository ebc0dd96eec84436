package io.chaosfn.notify.slack;

import io.chaosfn.engine.RunListener;
import io.chaosfn.engine.control.ControlEnvironment;
import io.chaosfn.engine.control.NativeControl;
import io.chaosfn.experiment.Control;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code chaosslack.control} as a native control (decisions.md §4), registered only where Slack is configured,
 * so elsewhere the document keeps its "ignored control" warning. It checks the declared {@code channel}; the
 * posting is done by the run's {@link SlackNotifier}, which the flow adds as a run listener, because its final
 * message must wait until the journal is stored and the engine's last hook comes before that.
 */
final class SlackControl implements NativeControl {
  static final String MODULE = "chaosslack.control";

  @Override
  public String module() {
    return MODULE;
  }

  @Override
  public List<String> validate(ObjectNode provider) {
    JsonNode channel = provider.path("arguments").get("channel");
    if (channel != null && (!channel.isString() || channel.asString().isBlank())) {
      return List.of("the Slack control's 'channel' argument must be a channel name, such as \"#chaos\"");
    }
    return List.of();
  }

  @Override
  public RunListener create(Control declaration, ControlEnvironment environment) {
    return new RunListener() {};
  }
}
