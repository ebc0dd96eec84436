package io.chaosfn.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Sweeper's answer on the local services ({@link LocalServices}: dynalite and s3proxy, real local
 * implementations; EventBridge and Secrets Manager stand-ins). Which runs a sweep finishes is SweepServiceTest's.
 */
class SweeperHandlerTest {
  @RegisterExtension
  static final LocalServices LOCAL = new LocalServices();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void handleRequest_noRunInProgress_answersAnEmptyInterruptedList() {
    LocalFunctions functions = LOCAL.functions();
    SweeperHandler handler = new SweeperHandler(functions.components(Map.of()).sweeps(), Clock.systemUTC());
    byte[] scheduled = """
        {"version": "0", "id": "e-2", "detail-type": "Scheduled Event", "source": "aws.events", "detail": {}}"""
        .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    handler.handleRequest(new ByteArrayInputStream(scheduled), out, new TestContext("req-sweep", 60_000 * 5));

    assertThat(JSON.readTree(out.toByteArray())).isEqualTo(JSON.readTree("{\"interrupted\": []}"));
    assertThat(functions.eventBridge.requests()).isEmpty();
  }
}
