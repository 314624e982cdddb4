package io.kalisocket.internal.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a push's number goes on the wire. */
class SeqFramesTest {

    private static final UnpooledByteBufAllocator ALLOC = new UnpooledByteBufAllocator(false);

    private static String number(long seq, String push) {
        ByteBuf frame = SeqFrames.number(ALLOC, seq, ByteBufUtil.writeUtf8(ALLOC, push));
        try {
            return frame.toString(StandardCharsets.UTF_8);
        } finally {
            frame.release();
        }
    }

    @Test
    void number_goesFirstInAnObject() {
        assertThat(number(17, "{\"type\":\"say\",\"text\":\"hi\"}"))
                .isEqualTo("{\"_seq\":17,\"type\":\"say\",\"text\":\"hi\"}");
    }

    @Test
    void number_ofAnEmptyObject_hasNoComma() {
        assertThat(number(3, " { } ")).isEqualTo("{\"_seq\":3 } ");
    }

    @Test
    void number_wrapsWhatIsNotAnObject() {
        assertThat(number(18, "plain \"text\"")).isEqualTo("{\"_seq\":18,\"_text\":\"plain \\\"text\\\"\"}");
        assertThat(number(19, "[1,2]")).isEqualTo("{\"_seq\":19,\"_text\":\"[1,2]\"}");
    }

    @Test
    void number_sharesThePushBytes_andReleasesOnlyItsOwnReference() {
        ByteBuf shared = ByteBufUtil.writeUtf8(ALLOC, "{\"a\":1}");
        ByteBuf frame = SeqFrames.number(ALLOC, 1, shared.retainedDuplicate());
        assertThat(shared.refCnt()).isEqualTo(2);
        frame.release();
        assertThat(shared.refCnt()).isEqualTo(1);
        shared.release();
    }
}
