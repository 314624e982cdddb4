package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.stats.Counter;
import io.kalisocket.internal.stats.ServerStats;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * The first message stage: lets a data frame on only while its connection may still act, and counts it. Frames
 * that arrive after the server's close frame are neither run nor acknowledged (so a client resends them on its
 * next connection); a socket whose client already returned on another one (connection recovery) is closing. The
 * protocol is JSON text: a binary frame is answered {@code 400} here, so the stages below see text frames only.
 */
@Sharable
final class InboundGate extends ChannelInboundHandlerAdapter {

    private final ServerStats stats;
    private final ConnectionTasks tasks;

    InboundGate(ServerStats stats, ConnectionTasks tasks) {
        this.stats = stats;
        this.tasks = tasks;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        if (connection.socket().isClosing() || connection.socket().channel() != ctx.channel()) {
            ReferenceCountUtil.release(msg);
            return;
        }
        connection.socket().countIn();
        stats.count(Counter.MESSAGES_IN);
        if (!(msg instanceof TextWebSocketFrame)) {
            ReferenceCountUtil.release(msg);
            tasks.refuseBinary(ctx, connection);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
