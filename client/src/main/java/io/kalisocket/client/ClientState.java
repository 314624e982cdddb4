package io.kalisocket.client;

/** The state of a {@link KaliClient}'s connection. */
public enum ClientState {
    /** Created, or connecting for the first time. */
    CONNECTING,
    /** Connected: calls and sends go out at once. */
    OPEN,
    /** The connection dropped; a new one is on its way, calls and sends are queued. */
    RECONNECTING,
    /** Closed for good by {@link KaliClient#close()} or a final close code. */
    CLOSED
}
