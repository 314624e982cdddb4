package io.kalisocket.internal.lifecycle;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.ConnectionRegistry;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drain of a stopping server, once it no longer accepts: each open connection is closed with 1012
 * (service restart) only after its queue ran everything it had received, so no message that arrived before
 * the stop loses its action or its reply; HTTP connections between two requests (a browser's keep-alive
 * connections) are closed ({@link IdleHttpCloser}); then the drain waits until every connection is finished
 * (offline actions and {@code onClose} run), so it ends when the last client has closed. Whatever is left at
 * the deadline is dropped.
 */
public final class Drainer {

    private static final Logger log = LoggerFactory.getLogger(Drainer.class);
    /** How often the drain looks for connections that completed their upgrade after it began. */
    private static final long RESCAN_MILLIS = 50;

    private final ConnectionRegistry connections;
    private final ChannelTracker tracker;
    private final Set<String> told = ConcurrentHashMap.newKeySet();
    private final IdleHttpCloser idleHttp = new IdleHttpCloser();

    /**
     * @param connections the open WebSocket connections
     * @param tracker every channel until it is finished
     */
    public Drainer(ConnectionRegistry connections, ChannelTracker tracker) {
        this.connections = connections;
        this.tracker = tracker;
    }

    /**
     * Drains; returns when every connection is finished or at the deadline.
     *
     * @param grace the longest the drain may take
     * @return true when everything finished in time
     */
    public boolean drain(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        int total = connections.count();
        log.info("draining {} connection(s), at most {} ms", total, grace.toMillis());
        try {
            while (true) {
                connections.all().forEach(c -> tell(c, deadline));
                if (tracker.count() == 0) {
                    return true;
                }
                tracker.speakingHttp().forEach(idleHttp::closeIfIdle);
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    log.warn("drain deadline passed with {} connection(s) not finished; dropping them",
                            tracker.count());
                    connections.all().forEach(c -> c.socket().channel().close());
                    tracker.speakingHttp().forEach(Channel::close);
                    return false; // what neither lists (an upgrade waiting for its claim) ends with the event loops
                }
                tracker.awaitAFinish(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(RESCAN_MILLIS)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Queues the 1012 close behind everything the connection's queue holds now. */
    private void tell(ChannelConnection c, long deadline) {
        if (told.add(c.id())) {
            closeWhenIdle(c, deadline);
        }
    }

    private void closeWhenIdle(ChannelConnection c, long deadline) {
        boolean queued = c.queue().offer(() -> c.socket().channel().eventLoop().execute(() -> {
            // On the event loop, every message read so far has been handed to the queue: close only when
            // the queue has run them all, so their replies go out before the close frame.
            if (!c.isOpen()) {
                return;
            }
            if (c.queue().isIdle()) {
                // Everything read so far has run; from here on what the client sends is neither run nor
                // acknowledged, and the close frame goes out behind the replies still on their way.
                c.close(WebSocketCloseStatus.SERVICE_RESTART.code(), "server restarting");
            } else if (System.nanoTime() >= deadline) {
                c.close(WebSocketCloseStatus.SERVICE_RESTART.code(), "server restarting");
            } else {
                closeWhenIdle(c, deadline);
            }
        }));
        if (!queued) {
            c.close(WebSocketCloseStatus.SERVICE_RESTART.code(), "server restarting");
        }
    }
}
