package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ReplyFrame;
import io.kalisocket.internal.stats.Counter;
import io.kalisocket.internal.stats.ServerStats;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;

/**
 * Answers the application-level heartbeat: the exact frame {@code ~H#C~} gets {@code ~H#S~} (both
 * configurable). Compares bytes, so a heartbeat costs no decoding. Any other frame passes on. One instance
 * serves every connection.
 */
@Sharable
final class HeartbeatHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {

    private final ByteBuf ping;
    private final ByteBuf pong;
    private final ServerStats stats;

    HeartbeatHandler(String ping, String pong, ServerStats stats) {
        super(false);
        this.ping = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(ping, StandardCharsets.UTF_8)).asReadOnly();
        this.pong = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(pong, StandardCharsets.UTF_8)).asReadOnly();
        this.stats = stats;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
        if (ByteBufUtil.equals(ping, frame.content())) {
            frame.release();
            stats.count(Counter.HEARTBEATS);
            ctx.writeAndFlush(new ReplyFrame(pong.duplicate()), ctx.voidPromise());
            return;
        }
        ctx.fireChannelRead(frame);
    }
}
