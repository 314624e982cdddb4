package io.kalisocket.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One WebSocket frame as RFC 6455 section 5.2 lays it out, built freely so that a test can send what a
 * correct client never would: reserved bits, reserved opcodes, no mask, fragmented control frames. Sent and
 * read by {@link RawWebSocket}.
 *
 * @param fin the FIN bit
 * @param rsv the three reserved bits, 0 to 7 (RSV1 is 4)
 * @param opcode the opcode, 0 to 15
 * @param masked whether the payload is masked (client frames must be)
 * @param payload the unmasked payload
 */
public record Frame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {

    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    /** Close status 1002 (7.4.1): the peer broke the protocol. */
    public static final int PROTOCOL_ERROR = 1002;
    /** Close status 1007 (7.4.1): a text message was not UTF-8. */
    public static final int INVALID_PAYLOAD = 1007;
    /** Close status 1009 (7.4.1): a message too big to process. */
    public static final int MESSAGE_TOO_BIG = 1009;

    /** @param text the payload, UTF-8 encoded @return a final, masked text frame */
    public static Frame text(String text) {
        return text(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @param bytes the payload, sent as is (it may be invalid UTF-8) @return a final, masked text frame */
    public static Frame text(byte[] bytes) {
        return of(TEXT, bytes);
    }

    /** @param bytes the payload @return a final, masked binary frame */
    public static Frame binary(byte[] bytes) {
        return of(BINARY, bytes);
    }

    /** @param text the payload, UTF-8 encoded @return a final, masked continuation frame */
    public static Frame continuation(String text) {
        return continuation(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @param bytes the payload @return a final, masked continuation frame */
    public static Frame continuation(byte[] bytes) {
        return of(CONTINUATION, bytes);
    }

    /** @param bytes the payload @return a masked ping */
    public static Frame ping(byte[] bytes) {
        return of(PING, bytes);
    }

    /** @param bytes the payload @return a masked pong */
    public static Frame pong(byte[] bytes) {
        return of(PONG, bytes);
    }

    /** @return a masked close frame without a body */
    public static Frame close() {
        return of(CLOSE, new byte[0]);
    }

    /** @param code the status code, written as two bytes whatever its value @return a masked close frame */
    public static Frame close(int code) {
        return close(code, "");
    }

    /** @param code the status code @param reason the reason, UTF-8 encoded @return a masked close frame */
    public static Frame close(int code, String reason) {
        return close(code, reason.getBytes(StandardCharsets.UTF_8));
    }

    /** @param code the status code @param reason the reason's bytes, sent as is @return a masked close frame */
    public static Frame close(int code, byte[] reason) {
        return of(CLOSE, ByteBuffer.allocate(2 + reason.length).putShort((short) code).put(reason).array());
    }

    /** @param opcode any opcode, reserved ones included @param bytes the payload @return a final, masked frame */
    public static Frame of(int opcode, byte[] bytes) {
        return new Frame(true, 0, opcode, true, bytes);
    }

    /** @return this frame with FIN cleared: a fragment that more frames continue */
    public Frame notFinal() {
        return new Frame(false, rsv, opcode, masked, payload);
    }

    /** @param bits the reserved bits to set, 1 to 7 @return this frame with them set */
    public Frame withRsv(int bits) {
        return new Frame(fin, bits, opcode, masked, payload);
    }

    /** @return this frame without a mask, as only a server may send */
    public Frame unmasked() {
        return new Frame(fin, rsv, opcode, false, payload);
    }

    /** @return whether this is a close, ping or pong frame */
    public boolean isControl() {
        return (opcode & 0x8) != 0;
    }

    /** @return the payload decoded as UTF-8 */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** @return the close frame's status code, or -1 when its body is empty */
    public int closeCode() {
        return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
    }

    /** @return the close frame's reason */
    public String closeReason() {
        return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
    }

    /**
     * Encodes the frame with the shortest length form (7 bits, 16 bits after 126, 64 bits after 127) and,
     * when masked, a random masking key.
     *
     * @return the bytes on the wire
     */
    public byte[] encode() {
        int lengthForm = payload.length < 126 ? 0 : payload.length <= 0xFFFF ? 2 : 8;
        return encode(lengthForm);
    }

    /**
     * Encodes the frame with the given length form, even where a shorter one would do.
     *
     * @param lengthBytes 0 (length in the 7 bits), 2 (marker 126) or 8 (marker 127)
     * @return the bytes on the wire
     */
    public byte[] encode(int lengthBytes) {
        ByteBuffer out = ByteBuffer.allocate(2 + lengthBytes + (masked ? 4 : 0) + payload.length);
        out.put((byte) ((fin ? 0x80 : 0) | (rsv << 4) | opcode));
        int maskBit = masked ? 0x80 : 0;
        switch (lengthBytes) {
            case 0 -> out.put((byte) (maskBit | payload.length));
            case 2 -> out.put((byte) (maskBit | 126)).putShort((short) payload.length);
            case 8 -> out.put((byte) (maskBit | 127)).putLong(payload.length);
            default -> throw new IllegalArgumentException("length form of " + lengthBytes + " bytes");
        }
        if (!masked) {
            return out.put(payload).array();
        }
        byte[] key = new byte[4];
        ThreadLocalRandom.current().nextBytes(key);
        out.put(key);
        for (int i = 0; i < payload.length; i++) {
            out.put((byte) (payload[i] ^ key[i & 3]));
        }
        return out.array();
    }

    @Override
    public String toString() {
        String name = switch (opcode) {
            case CONTINUATION -> "continuation";
            case TEXT -> "text";
            case BINARY -> "binary";
            case CLOSE -> "close";
            case PING -> "ping";
            case PONG -> "pong";
            default -> "opcode " + opcode;
        };
        String body = opcode == CLOSE ? closeCode() + " " + closeReason()
                : opcode == TEXT || opcode == CONTINUATION ? abbreviated(text())
                : payload.length + " bytes";
        return name + (fin ? "" : " (not final)") + (rsv != 0 ? " rsv=" + rsv : "") + ": " + body;
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " chars)";
    }
}
