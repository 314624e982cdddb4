package io.kalisocket.internal.connection;

import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;

/**
 * The first close frame a connection exchanged, for the connection log: its code, reason and sender. Kept by the
 * connection's socket side only once a close frame passes (an open connection holds none).
 *
 * @param code the close code; {@link #NO_STATUS} for a close frame without one, {@link #NO_CLOSE_FRAME} for none
 * @param closedBy {@code client}, {@code server} or {@code network} (no close frame)
 * @param reason the frame's reason, or empty
 */
public record FirstClose(int code, String closedBy, String reason) {

    /** The close code when no close frame was exchanged (abnormal closure). */
    public static final int NO_CLOSE_FRAME = 1006;
    /** The close code of a close frame without a status code. */
    public static final int NO_STATUS = 1005;
    /** A connection that ended without a close frame. */
    public static final FirstClose NONE = new FirstClose(NO_CLOSE_FRAME, "network", "");

    /** @param frame a close frame @param by {@code client} or {@code server} @return what the log says of it */
    public static FirstClose of(CloseWebSocketFrame frame, String by) {
        int code = frame.statusCode();
        String reason = frame.reasonText();
        return new FirstClose(code < 0 ? NO_STATUS : code, by, reason == null ? "" : reason);
    }
}
