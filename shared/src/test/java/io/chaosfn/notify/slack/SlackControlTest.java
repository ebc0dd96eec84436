package io.chaosfn.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SlackControlTest {
  private final SlackControl control = new SlackControl();

  @Test
  void validate_channelIsAName_isValid() {
    ObjectNode provider = Runs.slackControl("#chaos").provider();

    assertThat(control.validate(provider)).isEmpty();
  }

  @Test
  void validate_noArguments_isValid() {
    ObjectNode provider = Runs.slackControl(null).provider();

    assertThat(control.validate(provider)).isEmpty();
  }

  @Test
  void validate_channelIsANumber_isAProblem() {
    ObjectNode provider = Runs.slackControl(null).provider();
    provider.putObject("arguments").put("channel", 42);

    assertThat(control.validate(provider)).singleElement().asString().contains("'channel' argument");
  }
}
