package org.fedgate.gateway.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Structured JSON logs, one object per line, with the MDC (Camel's exchange and breadcrumb ids as
 * correlation ids). Messages are formatted from our own fixed texts and ids; raw arguments and
 * exception messages are left out because third-party libraries may put input data into them.
 */
public final class JsonLogging {

  private JsonLogging() {}

  /**
   * Logs to stdout ({@code file == null}) or to a file, at INFO for fedgate, WARN for libraries.
   */
  public static void install(Path file) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext lc)) {
      return;
    }
    lc.reset();
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(lc);
    encoder.setWithFormattedMessage(true);
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithThrowable(false);
    encoder.setWithContext(false);
    encoder.setWithKVPList(false);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender;
    if (file == null) {
      ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
      console.setTarget("System.out");
      appender = console;
    } else {
      FileAppender<ILoggingEvent> f = new FileAppender<>();
      f.setFile(file.toString());
      f.setAppend(true);
      appender = f;
    }
    appender.setContext(lc);
    appender.setName("json");
    appender.setEncoder(encoder);
    appender.start();
    Logger root = lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(appender);
    lc.getLogger("org.fedgate").setLevel(Level.INFO);
    // Jetty's "still in use" shutdown notice and CXF's per-endpoint chatter are not operator news
    lc.getLogger("org.apache.cxf").setLevel(Level.ERROR);
    lc.getLogger("org.eclipse.jetty").setLevel(Level.ERROR);
    // Camel's error handler logs exception messages; our steps log and audit failures themselves
    lc.getLogger("org.apache.camel.processor.errorhandler").setLevel(Level.OFF);
  }
}
