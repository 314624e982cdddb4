package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.ConnectionRegistry;
import io.kalisocket.internal.gateway.LocalGateway;
import io.kalisocket.internal.recovery.Finisher;
import io.kalisocket.internal.stats.Counter;
import io.kalisocket.internal.stats.ServerStats;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a connection for good: it leaves the registry, then, on its queue behind every message it sent, the
 * close action runs (the connect actions' {@code offline}), the gateway forgets it and {@code onClose} runs. Also
 * runs the lifecycle's other callbacks on the connection's queue. A connect or close action declared
 * {@code @Inline} runs at once on the connection's event loop instead, when nothing of the connection is queued
 * (so order is kept) and no {@code onClose} (which may block) must run after it: no hand-off to an action thread.
 */
final class ConnectionFinisher implements Finisher {

    private static final Logger log = LoggerFactory.getLogger(ConnectionFinisher.class);

    private final ConnectionRegistry connections;
    private final LocalGateway localGateway;
    private final LifecycleCallbacks callbacks;
    private final ServerStats stats;
    private final ConnectActionRunner connectActions;

    /**
     * @param connections the open connections
     * @param localGateway forgets the connection's groups and uid
     * @param callbacks the application's {@code onClose}
     * @param stats counts callbacks refused by a full queue
     * @param connectActions runs the close action, or null
     */
    ConnectionFinisher(ConnectionRegistry connections, LocalGateway localGateway, LifecycleCallbacks callbacks,
            ServerStats stats, ConnectActionRunner connectActions) {
        this.connections = connections;
        this.localGateway = localGateway;
        this.callbacks = callbacks;
        this.stats = stats;
        this.connectActions = connectActions;
    }

    /** @param connection an upgraded connection that ended for good (its socket closed, or its window passed) */
    @Override
    public void finish(ChannelConnection connection) {
        connections.remove(connection);
        end(connection, true);
    }

    /**
     * @param connection a connection that ended
     * @param upgraded false when it never completed its upgrade: no close action then
     */
    void end(ChannelConnection connection, boolean upgraded) {
        Optional<ConnectActionRunner.Call> close = upgraded && connectActions != null
                ? connectActions.closed(connection) : Optional.empty();
        if (!callbacks.hasOnClose() && connection.queue().isIdle()
                && close.map(call -> call.inline() && onItsLoop(connection)).orElse(true)) {
            // Nothing queued that could still join a group, nothing that may block: no hop.
            try {
                close.ifPresent(this::runAction);
            } finally {
                localGateway.forget(connection);
            }
            return;
        }
        run(connection, () -> {
            try {
                // A lambda: a method reference would read the field now, and it is null without connect actions.
                close.ifPresent(call -> connectActions.run(call));
            } finally {
                localGateway.forget(connection);
                callbacks.onClose().accept(connection);
            }
        });
    }

    /**
     * Runs a connect action: at once when it is declared {@code @Inline}, this is the connection's event loop and
     * nothing of the connection is queued; else on its queue, in order with its messages.
     *
     * @param call the connect action found for the connection
     */
    void connectAction(ConnectActionRunner.Call call) {
        if (call.inline() && call.connection().queue().isIdle() && onItsLoop(call.connection())) {
            runAction(call);
        } else {
            run(call.connection(), () -> connectActions.run(call));
        }
    }

    private void runAction(ConnectActionRunner.Call call) {
        try {
            connectActions.run(call);
        } catch (RuntimeException e) {
            log.error("connect action failed for connection {}", call.connection().id(), e);
        }
    }

    private static boolean onItsLoop(ChannelConnection connection) {
        return connection.socket().channel().eventLoop().inEventLoop();
    }

    /**
     * @param connection the connection whose queue runs the callback, in order with its messages
     * @param callback an application callback; a failure is logged
     */
    void run(ChannelConnection connection, Runnable callback) {
        Runnable guarded = () -> {
            try {
                callback.run();
            } catch (RuntimeException e) {
                log.error("callback failed for connection {}", connection.id(), e);
            }
        };
        if (!connection.queue().offer(guarded)) {
            stats.count(Counter.QUEUE_FULL);
            log.warn("callback for {} dropped: its queue is full", connection.id());
        }
    }
}
