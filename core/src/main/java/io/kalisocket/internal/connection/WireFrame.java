package io.kalisocket.internal.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * A text message already framed for the wire: the frame's header and its payload in one buffer. A server's
 * frames are not masked (RFC 6455, 5.1), so these bytes are the same for every recipient: a broadcast frames
 * its message once and writes the shared bytes to each socket, where a {@code TextWebSocketFrame} would be
 * framed and copied again for every recipient. A {@link SharedFrameWriter} hands the bytes to the stages below
 * the WebSocket encoder.
 */
public final class WireFrame extends DefaultByteBufHolder {

    private static final int FIN_TEXT = 0x81;

    private final int headerLength;

    private WireFrame(ByteBuf wire, int headerLength) {
        super(wire);
        this.headerLength = headerLength;
    }

    /**
     * Frames a text payload (RFC 6455, 5.2: FIN and opcode 1, no mask, 7-, 16- or 64-bit length).
     *
     * @param payload UTF-8 text; read, not released
     * @param alloc where the frame's buffer comes from
     * @return a frame the caller owns
     */
    public static WireFrame text(ByteBuf payload, ByteBufAllocator alloc) {
        int length = payload.readableBytes();
        int header = length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuf wire = alloc.directBuffer(header + length);
        wire.writeByte(FIN_TEXT);
        if (length <= 125) {
            wire.writeByte(length);
        } else if (length <= 0xFFFF) {
            wire.writeByte(126).writeShort(length);
        } else {
            wire.writeByte(127).writeLong(length);
        }
        wire.writeBytes(payload, payload.readerIndex(), length);
        return new WireFrame(wire, header);
    }

    /** @return the payload alone (the text), sharing this frame's memory; the caller releases it */
    public ByteBuf retainedPayload() {
        ByteBuf wire = content();
        return wire.retainedSlice(wire.readerIndex() + headerLength, wire.readableBytes() - headerLength);
    }

    @Override
    public WireFrame replace(ByteBuf content) {
        return new WireFrame(content, headerLength);
    }

    @Override
    public WireFrame retainedDuplicate() {
        return replace(content().retainedDuplicate());
    }

    @Override
    public WireFrame retain() {
        super.retain();
        return this;
    }

    @Override
    public WireFrame touch(Object hint) {
        super.touch(hint);
        return this;
    }
}
