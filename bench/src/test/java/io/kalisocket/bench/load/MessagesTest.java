package io.kalisocket.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void text_isAMaskedFrameThatNettysServerDecoderReads() {
        String longText = "x".repeat(300);
        for (String text : new String[] {"~H#C~", longText}) {
            EmbeddedChannel server = new EmbeddedChannel(new WebSocket13FrameDecoder(true, false, 65536));
            server.writeInbound(Messages.frame(Messages.text(text)).retain());
            TextWebSocketFrame frame = server.readInbound();
            assertThat(frame.text()).isEqualTo(text);
            frame.release();
            server.finishAndReleaseAll();
        }
    }

    @Test
    void dataNumber_readsTheEchoedNumber() {
        assertThat(Messages.dataNumber(buf("{\"ct\":\"echo\",\"code\":0,\"data\":123456789012,\"msgid\":3}"))).isEqualTo(123456789012L);
        assertThat(Messages.dataNumber(buf("{\"code\":0,\"data\":null}"))).isEqualTo(-1);
    }

    @Test
    void isOk_onlyForCodeZero() {
        assertThat(Messages.isOk(buf("{\"ct\":\"echo\",\"code\":0,\"msg\":\"ok\"}"))).isTrue();
        assertThat(Messages.isOk(buf("{\"ct\":\"echo\",\"code\":429,\"msg\":\"slow down\"}"))).isFalse();
    }

    private static ByteBuf buf(String s) {
        return Unpooled.wrappedBuffer(s.getBytes(StandardCharsets.UTF_8));
    }
}
