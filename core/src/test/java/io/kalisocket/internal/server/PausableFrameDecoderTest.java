package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * A connection whose reading pauses stops taking frames at once: the frame decoder, held, delivers at most the frame
 * it was decoding and keeps the rest of the read as bytes; released, it delivers them in order.
 */
class PausableFrameDecoderTest {

    private final PausableFrameDecoder decoder = new PausableFrameDecoder(
            WebSocketDecoderConfig.newBuilder().expectMaskedFrames(false).build());
    private final List<String> delivered = new ArrayList<>();

    @Test
    void heldWhileAReadIsDelivered_stopsOneFramePastIt_andReleasedFromATask_deliversTheRestInOrder() {
        EmbeddedChannel channel = channelThat((text, count) -> {
            if (count == 2) {
                decoder.hold();
            }
        });

        channel.writeInbound(oneRead("a", "b", "c", "d", "e"));
        assertThat(delivered).containsExactly("a", "b", "c");

        decoder.release(channel);
        assertThat(delivered).containsExactly("a", "b", "c", "d", "e");
        channel.finishAndReleaseAll();
    }

    @Test
    void releasedBeforeTheReadEnds_deliversTheRestInTheSameRead() {
        EmbeddedChannel channel = channelThat((text, count) -> {
            if (count == 2) {
                decoder.hold();
            } else if (count == 3) {
                decoder.release(null); // during the read: no lookup of the stage is needed
            }
        });

        channel.writeInbound(oneRead("a", "b", "c", "d", "e"));

        assertThat(delivered).containsExactly("a", "b", "c", "d", "e");
        channel.finishAndReleaseAll();
    }

    @Test
    void releasedWithNothingHeld_deliversNothing() {
        EmbeddedChannel channel = channelThat((text, count) -> {
        });
        channel.writeInbound(oneRead("a"));

        decoder.hold();
        decoder.release(channel);

        assertThat(delivered).containsExactly("a");
        channel.finishAndReleaseAll();
    }

    /** A channel of the decoder and a stage that records each text and then tells {@code onFrame} (text, count). */
    private EmbeddedChannel channelThat(BiConsumer<String, Integer> onFrame) {
        return new EmbeddedChannel(decoder, new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                TextWebSocketFrame frame = (TextWebSocketFrame) msg;
                delivered.add(frame.text());
                frame.release();
                onFrame.accept(delivered.get(delivered.size() - 1), delivered.size());
            }
        });
    }

    /** The frames' bytes as one buffer: what one read from a pipelining client's socket holds. */
    private static ByteBuf oneRead(String... texts) {
        EmbeddedChannel encoder = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
        CompositeByteBuf read = Unpooled.compositeBuffer();
        for (String text : texts) {
            encoder.writeOutbound(new TextWebSocketFrame(text));
            for (ByteBuf part = encoder.readOutbound(); part != null; part = encoder.readOutbound()) {
                read.addComponent(true, part);
            }
        }
        encoder.finishAndReleaseAll();
        return read;
    }
}
