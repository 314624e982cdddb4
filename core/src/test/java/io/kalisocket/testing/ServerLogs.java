package io.kalisocket.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the server logged while a test ran: every logger's events from {@link #capture()}, or one logger's (and its
 * children's) from {@link #capture(String)}, until {@link #close()}. For tests that must show a hostile client cannot
 * make the server log an error or a stack trace, and for tests of what a log line says.
 */
public final class ServerLogs implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    private ServerLogs(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        events.start();
        logger.addAppender(events);
    }

    /** @return the capture of every logger, started */
    public static ServerLogs capture() {
        return capture(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** @param loggerName the logger to capture, with its children @return the capture, started */
    public static ServerLogs capture(String loggerName) {
        return new ServerLogs(loggerName);
    }

    /** @param loggerOf the class whose logger to capture @return the capture, started */
    public static ServerLogs capture(Class<?> loggerOf) {
        return capture(loggerOf.getName());
    }

    /**
     * @return the events so far, in order, copied (the server's threads append while the test reads; the appender
     *     appends under its own lock)
     */
    public List<ILoggingEvent> events() {
        synchronized (events) {
            return List.copyOf(events.list);
        }
    }

    /** @return the formatted messages so far, in order */
    public List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** @return the lines logged at ERROR, each with its logger and its exception if any */
    public List<String> errors() {
        return lines(Level.ERROR, false);
    }

    /** @return the lines logged at WARN or above with a stack trace */
    public List<String> stackTraces() {
        return lines(Level.WARN, true);
    }

    /** @param atLeast the lowest level kept @return the lines logged at that level or above */
    public List<String> linesAtLeast(Level atLeast) {
        return lines(atLeast, false);
    }

    private List<String> lines(Level atLeast, boolean withThrowableOnly) {
        return events().stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(atLeast))
                .filter(e -> !withThrowableOnly || e.getThrowableProxy() != null)
                .map(ServerLogs::describe)
                .toList();
    }

    private static String describe(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        return event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
                + (thrown == null ? "" : " [" + thrown.getClassName() + ": " + thrown.getMessage() + "]");
    }

    @Override
    public void close() {
        logger.detachAppender(events);
        events.stop();
    }
}
