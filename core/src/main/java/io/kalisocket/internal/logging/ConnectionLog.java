package io.kalisocket.internal.logging;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.FirstClose;

/**
 * Where the connection log goes ({@code logging.connections}): a line per connect and close ({@link
 * EachConnectionLine}), or a summary at most once a minute ({@link ConnectionLogSummary}). Called from event loops.
 */
public interface ConnectionLog {

    /** The logger's name: set it to WARN to silence connection lines only. */
    String LOGGER = "io.kalisocket.connections";

    /** @param connection a connection whose WebSocket handshake completed */
    void opened(ChannelConnection connection);

    /**
     * @param connection a connection that closed
     * @param code the close code of the first close frame, {@link FirstClose#NO_CLOSE_FRAME} without one
     * @param closedBy {@code client}, {@code server} or {@code network}
     * @param reason the close frame's reason, or empty
     */
    void closed(ChannelConnection connection, int code, String closedBy, String reason);
}
