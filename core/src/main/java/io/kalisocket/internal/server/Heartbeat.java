package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ReplyFrame;
import io.kalisocket.internal.stats.Counter;
import io.kalisocket.internal.stats.ServerStats;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;

/**
 * The application-level heartbeat: the exact frame {@code ~H#C~} gets {@code ~H#S~} (both configurable).
 * Compares bytes, so a heartbeat costs no decoding. One instance serves every connection.
 */
final class Heartbeat {

    private final ByteBuf ping;
    private final ByteBuf pong;
    private final ServerStats stats;

    Heartbeat(String ping, String pong, ServerStats stats) {
        this.ping = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(ping, StandardCharsets.UTF_8)).asReadOnly();
        this.pong = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(pong, StandardCharsets.UTF_8)).asReadOnly();
        this.stats = stats;
    }

    /**
     * @param ctx the calling stage's context
     * @param content a text frame's bytes
     * @return true when they were the ping, now answered with the pong
     */
    boolean answer(ChannelHandlerContext ctx, ByteBuf content) {
        if (!ByteBufUtil.equals(ping, content)) {
            return false;
        }
        stats.count(Counter.HEARTBEATS);
        ctx.writeAndFlush(new ReplyFrame(pong.duplicate()), ctx.voidPromise());
        return true;
    }
}
