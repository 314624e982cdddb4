package io.kalisocket.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The bench's wire messages (the KaliSocket envelope) and the few byte scans the drivers need
 * on replies, done without parsing JSON so that the load generator stays cheap.
 */
public final class Messages {

    /** Heartbeat a client sends. */
    public static final String HEARTBEAT = "~H#C~";

    private static final byte[] DATA = "\"data\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};
    private static final byte[] CODE_OK = "\"code\":0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CODE = "\"code\":".getBytes(StandardCharsets.US_ASCII);
    /**
     * Where pre-encoded frames come from: direct, as any other load buffer, but untracked by Netty's leak detector,
     * since they are never released on purpose (shared by every connection of a run, then left to the GC).
     */
    private static final ByteBufAllocator UNTRACKED = new UnpooledByteBufAllocator(true, true);

    private Messages() {
    }

    /**
     * A shared echo request {@code {"ct":"echo","ac":ACTION,"data":{...}}}, as a ready frame.
     *
     * @param action {@code say} (default dispatch) or {@code fast} ({@code @Inline})
     * @return a pre-encoded frame to send with {@link #frame(ByteBuf)}
     */
    public static ByteBuf echoRequest(String action) {
        return text("{\"ct\":\"echo\",\"ac\":\"" + action + "\",\"data\":{\"text\":\"hello, kalisocket\",\"n\":42}}");
    }

    /**
     * A shared text message, encoded once as a complete masked client frame (RFC 6455 5.2).
     *
     * <p>The load generator writes these bytes as they are, past Netty's frame encoder, so that
     * a request costs no allocation, copy or masking. The mask key is fixed: fine for load on
     * one's own loopback server, which only has to unmask.
     *
     * @param text any text (up to 65535 bytes)
     * @return a pre-encoded frame to send with {@link #frame(ByteBuf)}
     */
    public static ByteBuf text(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 65535) {
            throw new IllegalArgumentException("message too long for a pre-encoded frame");
        }
        ByteBuf buf = UNTRACKED.directBuffer(payload.length + 8);
        buf.writeByte(0x81); // FIN + text
        if (payload.length < 126) {
            buf.writeByte(0x80 | payload.length);
        } else {
            buf.writeByte(0x80 | 126).writeShort(payload.length);
        }
        buf.writeBytes(MASK);
        for (int i = 0; i < payload.length; i++) {
            buf.writeByte(payload[i] ^ MASK[i & 3]);
        }
        return Unpooled.unreleasableBuffer(buf);
    }

    /**
     * A view of a pre-encoded frame to write to a connected channel (after the upgrade).
     *
     * @param encoded from {@link #text(String)} or {@link #echoRequest(String)}
     * @return a new view over the same bytes; releasing it does nothing
     */
    public static ByteBuf frame(ByteBuf encoded) {
        return encoded.duplicate();
    }

    /**
     * An echo request of the {@code latency} scenario: its intended send time as {@code data}, its actual one as
     * {@code sent} (which an echo server ignores).
     *
     * @param alloc    allocator
     * @param action   echo action
     * @param intended intended send time
     * @param sent     actual send time
     * @return a new frame
     */
    public static TextWebSocketFrame echoTimed(ByteBufAllocator alloc, String action, long intended, long sent) {
        ByteBuf buf = alloc.buffer(96);
        ByteBufUtil.writeAscii(buf, "{\"ct\":\"echo\",\"ac\":\"" + action + "\",\"data\":" + intended
                + ",\"sent\":" + sent + "}");
        return new TextWebSocketFrame(buf);
    }

    /**
     * A {@code uid/send} request pushing {@code {"type":"uid","data":DATA}} to a uid.
     *
     * @param alloc allocator
     * @param uid   the target uid
     * @param data  the number, e.g. an intended send time
     * @return a new frame
     */
    public static TextWebSocketFrame uidSend(ByteBufAllocator alloc, String uid, long data) {
        ByteBuf buf = alloc.buffer(80);
        ByteBufUtil.writeAscii(buf, "{\"ct\":\"uid\",\"ac\":\"send\",\"uid\":\"" + uid + "\",\"data\":" + data + "}");
        return new TextWebSocketFrame(buf);
    }

    /**
     * Whether a reply carries {@code "code":0}.
     *
     * @param reply reply bytes
     * @return true for a successful envelope reply
     */
    public static boolean isOk(ByteBuf reply) {
        return indexOf(reply, CODE_OK, reply.readerIndex()) >= 0;
    }

    /**
     * Whether a frame is an envelope reply (it has a {@code "code"}; a push has none).
     *
     * @param frame frame bytes
     * @return true for a reply
     */
    public static boolean isReply(ByteBuf frame) {
        return indexOf(frame, CODE, frame.readerIndex()) >= 0;
    }

    /**
     * Whether a frame is an envelope reply with a code other than 0.
     *
     * @param frame frame bytes
     * @return true for an error reply
     */
    public static boolean isError(ByteBuf frame) {
        return isReply(frame) && !isOk(frame);
    }

    /**
     * Reads a reply's {@code "code":NUMBER}.
     *
     * @param reply reply bytes
     * @return the code, or -1 for a frame without one (a push)
     */
    public static long code(ByteBuf reply) {
        return number(reply, CODE);
    }

    /**
     * Reads a reply's {@code "data":NUMBER}.
     *
     * @param reply reply bytes
     * @return the number, or -1 if there is none
     */
    public static long dataNumber(ByteBuf reply) {
        return number(reply, DATA);
    }

    /**
     * Reads the first {@code "NAME":NUMBER} of a frame, e.g. a push's {@code "_seq":N}.
     *
     * @param frame frame bytes
     * @param field {@code "NAME":} as ASCII bytes
     * @return the number, or -1 if there is none
     */
    public static long number(ByteBuf frame, byte[] field) {
        int at = indexOf(frame, field, frame.readerIndex());
        if (at < 0) {
            return -1;
        }
        long v = 0;
        int digits = 0;
        for (int i = at + field.length; i < frame.writerIndex(); i++) {
            byte b = frame.getByte(i);
            if (b < '0' || b > '9') {
                break;
            }
            v = v * 10 + (b - '0');
            digits++;
        }
        return digits == 0 ? -1 : v;
    }

    /**
     * Reads the first {@code "NAME":"VALUE"} of a frame (a value without escapes, such as a token).
     *
     * @param frame frame bytes
     * @param field {@code "NAME":"} as ASCII bytes
     * @return the value, or empty if there is none
     */
    public static Optional<String> string(ByteBuf frame, byte[] field) {
        int at = indexOf(frame, field, frame.readerIndex());
        if (at < 0) {
            return Optional.empty();
        }
        int from = at + field.length;
        int to = frame.indexOf(from, frame.writerIndex(), (byte) '"');
        return to < 0 ? Optional.empty() : Optional.of(frame.toString(from, to - from, StandardCharsets.UTF_8));
    }

    /**
     * Where a byte string first occurs in a buffer's readable bytes.
     *
     * @param buf    the buffer
     * @param needle what to find
     * @return the absolute index, or -1
     */
    public static int indexOf(ByteBuf buf, byte[] needle) {
        return indexOf(buf, needle, buf.readerIndex());
    }

    private static int indexOf(ByteBuf buf, byte[] needle, int from) {
        int last = buf.writerIndex() - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buf.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
