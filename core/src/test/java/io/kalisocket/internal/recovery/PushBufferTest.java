package io.kalisocket.internal.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bounded, numbered buffer of one connection's pushes. */
class PushBufferTest {

    private final AtomicLong counted = new AtomicLong();

    private static ByteBuf push(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<ByteBuf> bufs) {
        List<String> out = new ArrayList<>();
        bufs.forEach(b -> {
            out.add(b.toString(StandardCharsets.UTF_8));
            b.release();
        });
        return out;
    }

    @Test
    void append_numbersFromOne_withoutGaps() {
        PushBuffer buffer = new PushBuffer(10, 1000, counted::addAndGet);
        assertThat(buffer.last()).isZero();
        assertThat(buffer.append(push("a"))).isEqualTo(1);
        assertThat(buffer.append(push("b"))).isEqualTo(2);
        assertThat(texts(buffer.after(0))).containsExactly("a", "b");
        assertThat(texts(buffer.after(1))).containsExactly("b");
        assertThat(buffer.after(2)).isEmpty();
    }

    @Test
    void trim_dropsTheOldestOverTheCountCap_butNotAboveTheLimit() {
        PushBuffer buffer = new PushBuffer(2, 1000, counted::addAndGet);
        for (String s : List.of("a", "b", "c", "d")) {
            buffer.append(push(s));
        }
        buffer.trim(1);
        assertThat(buffer.first()).isEqualTo(2);
        buffer.trim(Long.MAX_VALUE);
        assertThat(buffer.first()).isEqualTo(3);
        assertThat(texts(buffer.after(0))).containsExactly("c", "d");
        assertThat(buffer.last()).isEqualTo(4);
    }

    @Test
    void trim_keepsTheBytesWithinTheByteCap_andCountsThem() {
        PushBuffer buffer = new PushBuffer(100, 5, counted::addAndGet);
        buffer.append(push("abc"));
        buffer.append(push("de"));
        buffer.append(push("f"));
        buffer.trim(Long.MAX_VALUE);
        assertThat(buffer.bytes()).isLessThanOrEqualTo(5).isEqualTo(3);
        assertThat(counted.get()).isEqualTo(3);
        buffer.clear();
        assertThat(counted.get()).isZero();
        assertThat(buffer.first()).isEqualTo(buffer.last() + 1);
    }
}
