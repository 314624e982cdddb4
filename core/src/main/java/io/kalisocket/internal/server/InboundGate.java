package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.stats.Counter;
import io.kalisocket.internal.stats.ServerStats;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * The first check of every data frame: lets it on only while its connection may still act, and counts it. Frames
 * that arrive after the server's close frame are neither run nor acknowledged (so a client resends them on its
 * next connection); a socket whose client already returned on another one (connection recovery) is closing.
 * Shared by every connection; the message stages call it rather than being a stage of its own, so a frame costs
 * one pipeline hop, not two.
 */
final class InboundGate {

    private final ServerStats stats;
    private final ConnectionTasks tasks;

    InboundGate(ServerStats stats, ConnectionTasks tasks) {
        this.stats = stats;
        this.tasks = tasks;
    }

    /**
     * @param ctx the calling stage's context
     * @return the connection the frame is for, or null when the frame goes no further
     */
    ChannelConnection admit(ChannelHandlerContext ctx) {
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        if (connection.socket().isClosing() || connection.socket().channel() != ctx.channel()) {
            return null;
        }
        connection.socket().countIn();
        stats.count(Counter.MESSAGES_IN);
        return connection;
    }

    /**
     * @param ctx the calling stage's context
     * @param connection the sender
     * @param frame a frame the gate let on
     * @return true for a text frame; a binary one is answered {@code 400} (the protocol is JSON text)
     */
    boolean isText(ChannelHandlerContext ctx, ChannelConnection connection, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame) {
            return true;
        }
        tasks.refuseBinary(ctx, connection);
        return false;
    }
}
