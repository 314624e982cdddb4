package io.kalisocket;

import io.kalisocket.connection.Connection;
import io.kalisocket.connection.Handshake;

/**
 * The GatewayWorker {@code Events} style: one class with the lifecycle methods you need, the others
 * left as their no-op defaults. Pass it to {@link KaliServer#events(Events)} instead of lambdas.
 *
 * <p>{@link #onMessage} is special: when a class overrides it, it replaces the ready pipeline for text
 * frames (heartbeat, receipts and dispatch are then the class's job, with
 * {@link io.kalisocket.mvc.Dispatcher#run}); when it does not, the ready pipeline runs.
 */
public interface Events {

    /** @param worker the worker starting; open pools here, never before */
    default void onWorkerStart(Worker worker) {
    }

    /** @param connection a TCP connection just accepted */
    default void onConnect(Connection connection) {
    }

    /** @param connection the connection @param handshake its upgrade request; may be rejected */
    default void onWebSocketConnect(Connection connection, Handshake handshake) {
    }

    /** @param connection the sender @param message a text frame */
    default void onMessage(Connection connection, String message) {
    }

    /** @param connection the connection that closed */
    default void onClose(Connection connection) {
    }

    /** @param worker the worker stopping */
    default void onWorkerStop(Worker worker) {
    }
}
