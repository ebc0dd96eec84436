package io.chaosfn.functions.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/** One line per event, {@code LEVEL Logger - message}, then the stack trace of its exception if it has one. */
final class LineLayout extends LayoutBase<ILoggingEvent> {
  @Override
  public String doLayout(ILoggingEvent event) {
    String logger = event.getLoggerName();
    StringBuilder line = new StringBuilder(128).append(event.getLevel()).append(' ')
        .append(logger.substring(logger.lastIndexOf('.') + 1)).append(" - ").append(event.getFormattedMessage())
        .append(CoreConstants.LINE_SEPARATOR);
    IThrowableProxy throwable = event.getThrowableProxy();
    if (throwable != null) {
      line.append(ThrowableProxyUtil.asString(throwable));
    }
    return line.toString();
  }
}
