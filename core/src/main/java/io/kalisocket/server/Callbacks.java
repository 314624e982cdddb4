package io.kalisocket.server;

import io.kalisocket.connection.Connection;
import io.kalisocket.connection.Handshake;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The application's lifecycle callbacks. Each is optional (a no-op when not given). Every connection
 * callback runs off the event loops, on the connection's queue, in order.
 *
 * @param onWorkerStart once per worker, on its thread, before any connection is accepted
 * @param onConnect when a TCP connection is accepted
 * @param onWebSocketConnect during the upgrade; may reject it
 * @param onMessage replaces the ready pipeline for text frames when not null
 * @param onClose when a connection closed
 * @param onError when a connection's callback or pipeline failed
 * @param onWorkerStop once per worker when the server stops
 */
public record Callbacks(
        Consumer<Worker> onWorkerStart,
        Consumer<Connection> onConnect,
        BiConsumer<Connection, Handshake> onWebSocketConnect,
        BiConsumer<Connection, String> onMessage,
        Consumer<Connection> onClose,
        BiConsumer<Connection, Throwable> onError,
        Consumer<Worker> onWorkerStop) {

    /** @return callbacks that do nothing, with the ready pipeline */
    public static Callbacks none() {
        return new Callbacks(w -> { }, c -> { }, (c, h) -> { }, null, c -> { }, (c, e) -> { }, w -> { });
    }
}
