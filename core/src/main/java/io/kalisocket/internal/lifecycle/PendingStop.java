package io.kalisocket.internal.lifecycle;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stop of a server that is still starting. Signal handlers and the shutdown hook are in place before the server
 * opens its ports, so that a SIGTERM at any moment after start begins stops it gracefully: one that comes while the
 * server opens is kept and done as soon as it is open, instead of killing the JVM halfway (exit 143) or meeting a JVM
 * that is already shutting down.
 *
 * @param <S> the server
 */
public final class PendingStop<S extends AutoCloseable> {

    private static final Logger log = LoggerFactory.getLogger(PendingStop.class);

    private S server;
    private boolean requested;

    /** Stops the server if it is open, else as soon as it is ({@link #opened}); a no-op once stopped. */
    public void request() {
        S open;
        synchronized (this) {
            requested = true;
            open = server;
        }
        if (open != null) {
            close(open);
        }
    }

    /**
     * @param open opens the server
     * @return the open server, stopped already when a stop was asked for while it opened
     */
    public S open(Supplier<S> open) {
        S opened = open.get();
        boolean stopNow;
        synchronized (this) {
            server = opened;
            stopNow = requested;
        }
        if (stopNow) {
            log.info("a stop was asked for while the server started: stopping it now");
            close(opened);
        }
        return opened;
    }

    private static void close(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            log.warn("stopping the server failed", e);
        }
    }
}
