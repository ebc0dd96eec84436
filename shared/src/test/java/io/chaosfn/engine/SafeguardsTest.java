package io.chaosfn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.chaosfn.engine.control.Safeguards;
import io.chaosfn.engine.journal.Journal;
import io.chaosfn.engine.journal.RunItem;
import io.chaosfn.experiment.RollbackStrategy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.BooleanNode;

/** The native {@code chaosaddons.controls.safeguards} control and the stops it causes (decisions.md §1). */
class SafeguardsTest {
  private final RunFixture fixture = new RunFixture();

  private static String experiment(String safeguardProbe) {
    return """
        {"title": "t", "description": "d",
         "controls": [{"name": "guard", "provider": {"type": "python", "module": "chaosaddons.controls.safeguards",
                       "arguments": {"probes": [%s]}}}],
         "method": [
           {"type": "action", "name": "kill", "provider": {"type": "python", "module": "m", "func": "kill"}},
           {"type": "action", "name": "more", "provider": {"type": "python", "module": "m", "func": "more"}}],
         "rollbacks": [
           {"type": "action", "name": "restore", "provider": {"type": "python", "module": "m", "func": "restore"}}]}
        """.formatted(safeguardProbe);
  }

  @BeforeEach
  void setUp() {
    fixture.controls.add(new Safeguards());
  }

  @Test
  void safeguard_failingBeforeTheRun_interruptsBeforeAnyActivityAndPlaysRollbacks() {
    fixture.provider.returns("error_rate_low", BooleanNode.FALSE);

    Journal journal = fixture.run(experiment("""
        {"type": "probe", "name": "error-rate-low", "tolerance": true,
         "provider": {"type": "python", "module": "m", "func": "error_rate_low"}}"""));

    assertThat(journal.status()).isEqualTo("interrupted");
    assertThat(journal.run()).isEmpty();
    assertThat(journal.rollbacks()).extracting(RunItem::name).containsExactly("restore");
    assertThat(journal.chaosfn().path("stop").path("cause").asString()).isEqualTo("safeguard");
    assertThat(journal.chaosfn().path("stop").path("probe").asString()).isEqualTo("error-rate-low");
  }

  @Test
  void safeguard_failingWhileTheMethodRuns_stopsTheMethod() throws Exception {
    CountDownLatch killStarted = new CountDownLatch(1);
    fixture.provider.does("error_rate_low", (a, c) -> BooleanNode.valueOf(killStarted.getCount() > 0));
    fixture.provider.does("kill", (a, c) -> {
      killStarted.countDown();
      awaitStop();
      return BooleanNode.TRUE;
    });

    Journal journal = fixture.run(experiment("""
        {"type": "probe", "name": "error-rate-low", "tolerance": true, "frequency": 0.05,
         "provider": {"type": "python", "module": "m", "func": "error_rate_low"}}"""));

    assertThat(journal.status()).isEqualTo("interrupted");
    assertThat(journal.run()).extracting(RunItem::name).containsExactly("kill");
    assertThat(journal.rollbacks()).extracting(RunItem::name).containsExactly("restore");
    assertThat(journal.chaosfn().path("stop").path("cause").asString()).isEqualTo("safeguard");
  }

  @Test
  void safeguard_withNeverStrategy_playsNoRollbacks() {
    fixture.rollbackStrategy = RollbackStrategy.NEVER;
    fixture.provider.returns("error_rate_low", BooleanNode.FALSE);

    Journal journal = fixture.run(experiment("""
        {"type": "probe", "name": "error-rate-low", "tolerance": true,
         "provider": {"type": "python", "module": "m", "func": "error_rate_low"}}"""));

    assertThat(journal.status()).isEqualTo("interrupted");
    assertThat(journal.rollbacks()).isEmpty();
  }

  @Test
  void safeguard_thatHolds_letsTheRunComplete() {
    fixture.provider.returns("error_rate_low", BooleanNode.TRUE);

    Journal journal = fixture.run(experiment("""
        {"type": "probe", "name": "error-rate-low", "tolerance": true, "background": true,
         "provider": {"type": "python", "module": "m", "func": "error_rate_low"}}"""));

    assertThat(journal.succeeded()).isTrue();
    assertThat(journal.run()).hasSize(2);
  }

  @Test
  void validate_safeguardsWithoutProbes_isAProblem() {
    var problems = fixture.parser().validate(RunFixture.document("""
        {"title": "t", "description": "d", "method": [],
         "controls": [{"name": "guard", "provider": {"type": "python", "module": "chaosaddons.controls.safeguards",
                       "arguments": {}}}]}
        """));

    assertThat(problems.list()).extracting(Object::toString).containsExactly("controls[0].provider.arguments:"
        + " the safeguards control needs a non-empty 'probes' list in its arguments");
  }

  /** Real time with wide bounds: the safeguard runs on its own thread every 50 ms. */
  private void awaitStop() {
    for (int i = 0; i < 200 && !fixture.stop.isRequested(); i++) {
      try {
        TimeUnit.MILLISECONDS.sleep(25);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
