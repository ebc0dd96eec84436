package io.chaosfn.functions.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class StderrLoggingTest {
  @Test
  void configure_freshContext_rootWarnsOnStderrOnly() {
    LoggerContext context = new LoggerContext();

    ExecutionStatus status = new StderrLogging().configure(context);

    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    assertThat(root.getLevel()).isEqualTo(Level.WARN);
    assertThat(((ConsoleAppender<?>) root.getAppender("stderr")).getTarget()).isEqualTo("System.err");
  }

  @Test
  void serviceLoader_logbackConfigurator_findsStderrLogging() {
    ServiceLoader<ch.qos.logback.classic.spi.Configurator> loader =
        ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class);

    assertThat(loader.stream().map(ServiceLoader.Provider::type)).contains(StderrLogging.class);
  }

  @Test
  void doLayout_eventWithException_levelShortLoggerMessageAndTrace() {
    LoggerContext context = new LoggerContext();
    LoggingEvent event = new LoggingEvent(StderrLoggingTest.class.getName(),
        context.getLogger("io.chaosfn.engine.Runner"), Level.WARN, "probe {} broke", new IllegalStateException("boom"),
        new Object[] {"'p1'"});

    String line = new LineLayout().doLayout(event);

    assertThat(line).startsWith("WARN Runner - probe 'p1' broke" + System.lineSeparator())
        .contains("java.lang.IllegalStateException: boom");
  }
}
