package io.kalisocket.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A message framed once reads back, through Netty's own client-side decoder, as the text frame it stands for. */
class WireFrameTest {

    @ParameterizedTest(name = "payload of {0} bytes")
    @ValueSource(ints = {0, 1, 125, 126, 127, 65_535, 65_536, 200_000})
    void text_decodesAsOneFinalTextFrameWithThePayload(int length) {
        String text = "x".repeat(length);
        ByteBuf payload = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        WireFrame frame = WireFrame.text(payload, ByteBufAllocator.DEFAULT);
        payload.release();

        TextWebSocketFrame decoded = decode(frame.content().retainedDuplicate());

        assertThat(decoded.isFinalFragment()).isTrue();
        assertThat(decoded.text()).isEqualTo(text);
        decoded.release();
        frame.release();
    }

    @ParameterizedTest(name = "payload of {0} bytes")
    @ValueSource(ints = {3, 300, 70_000})
    void retainedPayload_isTheTextAloneAndOutlivesTheFrame(int length) {
        String text = "é".repeat(length / 2);
        ByteBuf payload = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        WireFrame frame = WireFrame.text(payload, ByteBufAllocator.DEFAULT);
        payload.release();

        ByteBuf alone = frame.retainedPayload();
        frame.release();

        assertThat(alone.toString(StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(alone.release()).isTrue();
    }

    @Test
    void retainedDuplicate_sharesTheBytesAndKeepsTheType() {
        ByteBuf payload = Unpooled.copiedBuffer("y".repeat(10), StandardCharsets.UTF_8);
        WireFrame frame = WireFrame.text(payload, ByteBufAllocator.DEFAULT);
        payload.release();

        WireFrame copy = frame.retainedDuplicate();

        assertThat(copy.content().refCnt()).isEqualTo(2);
        assertThat(ByteBufUtil.equals(copy.content(), frame.content())).isTrue();
        copy.release();
        assertThat(frame.release()).isTrue();
    }

    private static TextWebSocketFrame decode(ByteBuf wire) {
        // The client's side of the wire: server frames must arrive unmasked.
        EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(false).maxFramePayloadLength(1 << 20).build()));
        client.writeInbound(wire);
        TextWebSocketFrame frame = client.readInbound();
        assertThat((Object) client.readInbound()).isNull();
        client.finishAndReleaseAll();
        return frame;
    }
}
