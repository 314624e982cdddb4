package io.kalisocket.client;

import java.time.Duration;

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
}
