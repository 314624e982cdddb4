package io.kalisocket.internal.logging;

import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Notices an application that runs core without any SLF4J backend. Core logs through SLF4J only; without a
 * backend SLF4J drops every line (its own warning says nothing of what to add), so the "listening" line and the
 * stack trace of a failing action would be lost without a word.
 */
public final class LoggingBackend {

    /** The one line printed to stderr when no backend is found. */
    public static final String MISSING = "kalisocket: no SLF4J backend found, so nothing will be logged; add "
            + "io.kalisocket:kalisocket-launcher or ch.qos.logback:logback-classic to the application's dependencies";

    private LoggingBackend() {
    }

    /**
     * @param factory the logger factory SLF4J bound to ({@code LoggerFactory.getILoggerFactory()})
     * @return {@link #MISSING} when it is SLF4J's no-operation fallback, else empty
     */
    public static Optional<String> warning(ILoggerFactory factory) {
        return factory instanceof NOPLoggerFactory ? Optional.of(MISSING) : Optional.empty();
    }
}
