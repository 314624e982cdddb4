package io.kalisocket.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Lifecycle events of a {@link KaliClient}. Every method has an empty default: implement what you need.
 *
 * <p>Methods run on the client's I/O thread, in order; they must not block.
 */
public interface ClientListener {

    /** A connection opened (the first one or a later one). */
    default void onOpen() {
    }

    /**
     * An open connection closed.
     *
     * @param code the close code (1006 when the connection broke without one)
     * @param reason the close reason, possibly empty
     * @param isFinal true when the client will not reconnect
     */
    default void onClose(int code, String reason, boolean isFinal) {
    }

    /**
     * The server refused the opening handshake with an HTTP status instead of a WebSocket (its
     * {@code onWebSocketConnect} rejected it, the {@code Origin} is not allowed, it is full, ...).
     *
     * @param status the HTTP status, e.g. 401, 403, 503
     * @param isFinal true for a 4xx other than 408 and 429: the same handshake would be refused again, so the client
     *     closes for good and {@code ready()} fails with a {@link ReplyException} carrying the status; otherwise
     *     (408, 429, 5xx) it retries with back-off
     */
    default void onRefused(int status, boolean isFinal) {
    }

    /**
     * A reconnect is scheduled.
     *
     * @param attempt the attempt, from 1
     * @param delay how long the client waits before it
     */
    default void onReconnecting(int attempt, Duration delay) {
    }

    /** A connection opened again after a drop; unacknowledged calls and queued frames have been sent. */
    default void onReconnected() {
    }

    /**
     * After a reconnect, before {@link #onReconnected()}: the server gave the old connection back (same client id,
     * uid, groups, session); the pushes missed meanwhile follow through the {@code on(type)} handlers, in order,
     * once. The {@link Resume} hook did not run.
     *
     * @param clientId the connection's client id, the one it had
     * @param missed how many missed pushes follow
     */
    default void onRecovered(String clientId, long missed) {
    }

    /**
     * The connection is new (after a reconnect, before {@link #onReconnected()}, once the {@link Resume} hook ran),
     * or the server dropped pushes to it: what the server kept for it and the pushes missed are gone; reload
     * the application's state.
     *
     * @param reason the server's ({@code expired}, {@code epoch}, {@code overflow}, {@code invalid}), {@code gap}
     *     (pushes dropped by the server's slow-consumer policy), {@code unsupported} (no recovery on the server)
     *     or {@code off} (the {@code recover} option is false)
     * @param clientId the connection's client id now; empty when the server has no recovery
     */
    default void onReset(String reason, Optional<String> clientId) {
    }
}
