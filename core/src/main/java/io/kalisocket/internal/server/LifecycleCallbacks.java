package io.kalisocket.internal.server;

import io.kalisocket.Events;
import io.kalisocket.Worker;
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
public record LifecycleCallbacks(
        Consumer<Worker> onWorkerStart,
        Consumer<Connection> onConnect,
        BiConsumer<Connection, Handshake> onWebSocketConnect,
        BiConsumer<Connection, String> onMessage,
        Consumer<Connection> onClose,
        BiConsumer<Connection, Throwable> onError,
        Consumer<Worker> onWorkerStop) {

    /** Stands for "no {@code onConnect} given": the server then skips the hop off the event loop for it. */
    public static final Consumer<Connection> NO_CONNECT = c -> { };

    /** Stands for "no {@code onWebSocketConnect} given": the upgrade then completes on the event loop. */
    public static final BiConsumer<Connection, Handshake> NO_UPGRADE_CHECK = (c, h) -> { };

    /** Stands for "no {@code onClose} given": a connection with nothing queued is then forgotten on the loop. */
    public static final Consumer<Connection> NO_CLOSE = c -> { };

    /** @return callbacks that do nothing, with the ready pipeline */
    public static LifecycleCallbacks none() {
        return new LifecycleCallbacks(w -> { }, NO_CONNECT, NO_UPGRADE_CHECK, null, NO_CLOSE, (c, e) -> { }, w -> { });
    }

    /** @param callback the new {@code onWorkerStart} @return these callbacks with it */
    public LifecycleCallbacks withOnWorkerStart(Consumer<Worker> callback) {
        return new LifecycleCallbacks(callback, onConnect, onWebSocketConnect, onMessage, onClose, onError,
                onWorkerStop);
    }

    /** @param callback the new {@code onConnect} @return these callbacks with it */
    public LifecycleCallbacks withOnConnect(Consumer<Connection> callback) {
        return new LifecycleCallbacks(onWorkerStart, callback, onWebSocketConnect, onMessage, onClose, onError,
                onWorkerStop);
    }

    /** @param callback the new {@code onWebSocketConnect} @return these callbacks with it */
    public LifecycleCallbacks withOnWebSocketConnect(BiConsumer<Connection, Handshake> callback) {
        return new LifecycleCallbacks(onWorkerStart, onConnect, callback, onMessage, onClose, onError, onWorkerStop);
    }

    /** @param callback the new {@code onMessage} @return these callbacks with it */
    public LifecycleCallbacks withOnMessage(BiConsumer<Connection, String> callback) {
        return new LifecycleCallbacks(onWorkerStart, onConnect, onWebSocketConnect, callback, onClose, onError,
                onWorkerStop);
    }

    /** @param callback the new {@code onClose} @return these callbacks with it */
    public LifecycleCallbacks withOnClose(Consumer<Connection> callback) {
        return new LifecycleCallbacks(onWorkerStart, onConnect, onWebSocketConnect, onMessage, callback, onError,
                onWorkerStop);
    }

    /** @param callback the new {@code onError} @return these callbacks with it */
    public LifecycleCallbacks withOnError(BiConsumer<Connection, Throwable> callback) {
        return new LifecycleCallbacks(onWorkerStart, onConnect, onWebSocketConnect, onMessage, onClose, callback,
                onWorkerStop);
    }

    /** @param callback the new {@code onWorkerStop} @return these callbacks with it */
    public LifecycleCallbacks withOnWorkerStop(Consumer<Worker> callback) {
        return new LifecycleCallbacks(onWorkerStart, onConnect, onWebSocketConnect, onMessage, onClose, onError,
                callback);
    }

    /**
     * @param events an application's {@link Events}
     * @return these callbacks with every one of its callbacks; its {@code onMessage} only when overridden, and
     *     {@code onError} kept
     */
    public LifecycleCallbacks withEvents(Events events) {
        return new LifecycleCallbacks(events::onWorkerStart, events::onConnect, events::onWebSocketConnect,
                overridesOnMessage(events) ? events::onMessage : onMessage, events::onClose, onError,
                events::onWorkerStop);
    }

    /** @return true when the application gave an {@code onConnect} */
    public boolean hasOnConnect() {
        return onConnect != NO_CONNECT;
    }

    /** @return true when the application gave an {@code onClose} */
    public boolean hasOnClose() {
        return onClose != NO_CLOSE;
    }

    /** @return true when the application gave an {@code onWebSocketConnect}, which runs off the event loop */
    public boolean hasUpgradeCheck() {
        return onWebSocketConnect != NO_UPGRADE_CHECK;
    }

    /**
     * @param events an application's {@link Events}
     * @return true when its class overrides {@code onMessage}, which then replaces the ready pipeline
     */
    public static boolean overridesOnMessage(Events events) {
        try {
            return events.getClass().getMethod("onMessage", Connection.class, String.class).getDeclaringClass()
                    != Events.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
