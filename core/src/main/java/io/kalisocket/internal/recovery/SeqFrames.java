package io.kalisocket.internal.recovery;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Puts a push's number on the wire: {@code {"type":"say"}} numbered 17 goes out as
 * {@code {"_seq":17,"type":"say"}}. The push's own bytes are shared, not copied (a composite of a small
 * prefix and a slice), so a broadcast stays encoded once. A push that is not a JSON object is wrapped as
 * {@code {"_seq":18,"_text":"..."}}.
 */
final class SeqFrames {

    /** The field that carries a push's number. */
    static final String SEQ = "_seq";
    /** The field that carries a push that is not a JSON object. */
    static final String TEXT = "_text";

    private SeqFrames() {
    }

    /**
     * @param alloc where the prefix comes from
     * @param seq the push's number
     * @param push the push's bytes (ownership passes here)
     * @return the numbered frame's content
     */
    static ByteBuf number(ByteBufAllocator alloc, long seq, ByteBuf push) {
        int open = skipSpace(push, push.readerIndex());
        if (open >= push.writerIndex() || push.getByte(open) != '{') {
            return wrap(alloc, seq, push);
        }
        int next = skipSpace(push, open + 1);
        boolean empty = next < push.writerIndex() && push.getByte(next) == '}';
        ByteBuf prefix = ByteBufUtil.writeAscii(alloc, "{\"" + SEQ + "\":" + seq + (empty ? "" : ","));
        ByteBuf rest = push.retainedSlice(open + 1, push.writerIndex() - open - 1);
        push.release();
        CompositeByteBuf frame = alloc.compositeBuffer(2);
        frame.addComponents(true, prefix, rest);
        return frame;
    }

    private static ByteBuf wrap(ByteBufAllocator alloc, long seq, ByteBuf push) {
        try {
            char[] quoted = JsonStringEncoder.getInstance().quoteAsString(push.toString(StandardCharsets.UTF_8));
            return ByteBufUtil.writeUtf8(alloc, "{\"" + SEQ + "\":" + seq + ",\"" + TEXT + "\":\""
                    + new String(quoted) + "\"}");
        } finally {
            push.release();
        }
    }

    private static int skipSpace(ByteBuf buf, int from) {
        int i = from;
        while (i < buf.writerIndex()) {
            byte b = buf.getByte(i);
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                break;
            }
            i++;
        }
        return i;
    }
}
