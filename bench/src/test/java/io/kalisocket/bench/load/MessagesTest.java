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

    @Test
    void isReplyAndIsError_tellRepliesFromPushes() {
        assertThat(Messages.isReply(buf("{\"_seq\":3,\"type\":\"missed\"}"))).isFalse();
        assertThat(Messages.isError(buf("{\"type\":\"uid\",\"data\":5}"))).isFalse();
        assertThat(Messages.isError(buf("{\"ct\":\"uid\",\"code\":500,\"msg\":\"failed\"}"))).isTrue();
        assertThat(Messages.isError(buf("{\"ct\":\"uid\",\"code\":0,\"data\":true}"))).isFalse();
    }

    @Test
    void numberAndString_readTheRecoveryFields() {
        ByteBuf frame = buf("{\"type\":\"recovery\",\"recovered\":false,\"client_id\":\"a-1\",\"token\":\"a-1.Zk3_x\","
                + "\"epoch\":\"b71c0e\",\"seq\":0}");
        assertThat(Messages.string(frame, "\"token\":\"".getBytes(StandardCharsets.US_ASCII))).contains("a-1.Zk3_x");
        assertThat(Messages.string(frame, "\"epoch\":\"".getBytes(StandardCharsets.US_ASCII))).contains("b71c0e");
        assertThat(Messages.string(frame, "\"nope\":\"".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(Messages.number(buf("{\"_seq\":17,\"n\":2}"), "\"_seq\":".getBytes(StandardCharsets.US_ASCII))).isEqualTo(17);
    }

    private static ByteBuf buf(String s) {
        return Unpooled.wrappedBuffer(s.getBytes(StandardCharsets.UTF_8));
    }
}
