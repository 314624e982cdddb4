package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.config.LimitsConfig.SlowConsumerPolicy;
import io.kalisocket.internal.connection.ReplyFrame;
import io.kalisocket.internal.connection.WireFrame;
import io.kalisocket.internal.stats.ServerStats;
import io.kalisocket.testing.FakeClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.CharsetUtil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound guard as the way broadcasts enter a socket: below every stage between it and the flush
 * consolidation (in the server, the WebSocket encoder and the connection log), never after a close frame,
 * and under the same slow-consumer policy as any other push.
 */
class OutboundGuardHandlerTest {

    private final ServerStats stats = new ServerStats();
    private final List<Object> seenBetween = new ArrayList<>();
    private final OutboundGuardHandler guard = new OutboundGuardHandler(SlowConsumerPolicy.DROP, stats,
            new ClosingHandshake(new FakeClock()));
    private final EmbeddedChannel channel = new EmbeddedChannel(new FlushConsolidationHandler(256, true),
            new ChannelOutboundHandlerAdapter() {
                @Override
                public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                    seenBetween.add(msg);
                    ctx.write(msg, promise);
                }
            }, guard);
    private final WireFrame frame = WireFrame.text(Unpooled.copiedBuffer("{\"b\":1}", CharsetUtil.UTF_8),
            UnpooledByteBufAllocator.DEFAULT);

    @AfterEach
    void release() {
        frame.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void aSharedFrame_goesInBelowTheStagesAboveTheFlushStage_andWaitsForFlushNow() {
        assertThat(guard.writeShared(frame)).isTrue();
        assertThat(seenBetween).isEmpty();
        assertThat(channel.outboundMessages()).isEmpty();

        guard.flushNow();

        ByteBuf written = channel.readOutbound();
        assertThat(ByteBufUtil.equals(written, frame.content())).isTrue();
        written.release();
        assertThat(stats.snapshot()).containsEntry("messages_out", 1L);
    }

    @Test
    void noSharedFrame_followsACloseFrame() {
        channel.writeAndFlush(new CloseWebSocketFrame(1000, "bye"));

        assertThat(guard.writeShared(frame)).isFalse();
        guard.flushNow();

        assertThat(channel.outboundMessages()).hasSize(1).allMatch(m -> m instanceof CloseWebSocketFrame);
    }

    @Test
    void pastTheHighWaterMark_pushesAreDroppedAndCounted_answersStillPass() {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        assertThat(guard.writeShared(frame)).isTrue(); // 9 bytes: still under the mark
        channel.write(Unpooled.buffer(16).writeZero(16)); // unflushed: now past it
        assertThat(channel.isWritable()).isFalse();

        assertThat(guard.writeShared(frame)).isFalse();
        channel.write(new TextWebSocketFrame("push"));
        channel.write(new ReplyFrame(Unpooled.copiedBuffer("{\"code\":0}", CharsetUtil.UTF_8)));

        assertThat(stats.snapshot()).containsEntry("dropped", 2L).containsEntry("messages_out", 2L);
        assertThat(seenBetween).hasSize(2).last().isInstanceOf(ReplyFrame.class);
        channel.flushOutbound(); // what was admitted is written, not failed at close
    }

    @Test
    void aClosedSocket_isWrittenNothing() {
        channel.close();

        assertThat(guard.writeShared(frame)).isFalse();
        assertThat(stats.snapshot()).containsEntry("messages_out", 0L);
    }
}
