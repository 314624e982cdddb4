package io.kalisocket.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the server logged while a test ran: every logger's events, from {@link #capture()} to {@link #close()}.
 * For tests that must show a hostile client cannot make the server log an error or a stack trace.
 */
public final class ServerLogs implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    private ServerLogs() {
        events.start();
        root.addAppender(events);
    }

    /** @return the capture, started */
    public static ServerLogs capture() {
        return new ServerLogs();
    }

    /** @return the lines logged at ERROR, each with its logger and its exception if any */
    public List<String> errors() {
        return lines(Level.ERROR, false);
    }

    /** @return the lines logged at WARN or above with a stack trace */
    public List<String> stackTraces() {
        return lines(Level.WARN, true);
    }

    private List<String> lines(Level atLeast, boolean withThrowableOnly) {
        return events.list.stream()
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
        root.detachAppender(events);
        events.stop();
    }
}
