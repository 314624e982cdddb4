package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.config.LimitsConfig.SlowConsumerPolicy;
import io.kalisocket.internal.connection.ReplyFrame;
import io.kalisocket.internal.connection.WireFrame;
import io.kalisocket.internal.recovery.RecoveryHook;
import io.kalisocket.internal.stats.ServerStats;
import io.kalisocket.testing.FakeClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.CharsetUtil;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound guard as the connection's one outbound stage: where frames are encoded, where broadcasts enter the socket (already encoded, through
 * the stages below it as they are, never after a close frame, under the same slow-consumer policy as any other push),
 * and where flushes are consolidated (those of one read go out as one once it ends).
 */
class OutboundGuardHandlerTest {

    private final ServerStats stats = new ServerStats();
    /** What passes below the guard (in the server, the socket; TLS first when on), and its flushes. */
    private final List<Object> seenBelow = new ArrayList<>();
    private int flushesBelow;
    private final OutboundGuardHandler guard = new OutboundGuardHandler(SlowConsumerPolicy.DROP, stats,
            new ClosingHandshake(new FakeClock(), RecoveryHook.off()));
    private final EmbeddedChannel channel = new EmbeddedChannel(new ChannelDuplexHandler() {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            seenBelow.add(msg);
            ctx.write(msg, promise);
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushesBelow++;
            ctx.flush();
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
    void aSharedFrame_passesBelowAsItIs_andWaitsForFlushNow() {
        assertThat(guard.writeShared(frame)).isTrue();
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

        assertThat(channel.outboundMessages()).hasSize(1).allMatch(m -> opcode(m) == CLOSE);
    }

    @Test
    void framesLeaveEncoded_anythingElseAsItIs() {
        channel.writeAndFlush(new TextWebSocketFrame("hi"));
        channel.writeAndFlush(Unpooled.copiedBuffer("raw", CharsetUtil.UTF_8));

        ByteBuf frame = channel.readOutbound();
        assertThat(ByteBufUtil.getBytes(frame)).containsExactly(0x81, 2, 'h', 'i'); // FIN + text, unmasked, 2 bytes
        ByteBuf raw = channel.readOutbound();
        assertThat(raw.toString(CharsetUtil.UTF_8)).isEqualTo("raw");
        frame.release();
        raw.release();
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
        assertThat(seenBelow).map(OutboundGuardHandlerTest::textOf).filteredOn(Objects::nonNull)
                .containsExactly("{\"b\":1}", "{\"code\":0}"); // the shared frame before the mark, the answer
        channel.flushOutbound(); // what was admitted is written, not failed at close
    }

    @Test
    void aClosedSocket_isWrittenNothing() {
        channel.close();

        assertThat(guard.writeShared(frame)).isFalse();
        assertThat(stats.snapshot()).containsEntry("messages_out", 0L);
    }

    @Test
    void afterTheUpgrade_theRepliesOfOneRead_goOutInOneFlushWhenTheReadEnds() {
        guard.upgraded();
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ReferenceCountUtil.release(msg);
                ctx.writeAndFlush(new ReplyFrame(Unpooled.copiedBuffer("{\"code\":0}", CharsetUtil.UTF_8)));
            }
        });
        int before = flushesBelow;

        channel.writeInbound(new TextWebSocketFrame("a"), new TextWebSocketFrame("b"), new TextWebSocketFrame("c"));

        assertThat(flushesBelow - before).as("flushes that reached the socket").isEqualTo(1);
        assertThat(channel.outboundMessages()).hasSize(3);
    }

    private static final int TEXT = 0x1;
    private static final int CLOSE = 0x8;

    /** @return the opcode of an encoded frame (a whole frame in one buffer, as the encoder makes small ones) */
    private static int opcode(Object written) {
        return ((ByteBuf) written).getUnsignedByte(0) & 0x0F;
    }

    /** @return the text of an encoded text frame under 126 bytes, or null for anything else */
    private static String textOf(Object written) {
        if (!(written instanceof ByteBuf buf) || buf.readableBytes() < 2 || opcode(buf) != TEXT) {
            return null;
        }
        return buf.toString(2, buf.getUnsignedByte(1), CharsetUtil.UTF_8);
    }
}
