package io.kalisocket.internal.connection;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes an outbound message once into a buffer: text as UTF-8, anything else as JSON written straight
 * into the buffer (no intermediate String).
 */
public final class MessageEncoder {

    private final ObjectWriter writer;
    private final ByteBufAllocator alloc;

    /**
     * @param writer the JSON writer
     * @param alloc where buffers come from
     */
    public MessageEncoder(ObjectWriter writer, ByteBufAllocator alloc) {
        this.writer = writer;
        this.alloc = alloc;
    }

    /**
     * @param message text, or an object to encode as JSON
     * @return a new buffer the caller owns
     * @throws IllegalArgumentException when the object cannot be encoded as JSON
     */
    public ByteBuf encode(Object message) {
        if (message instanceof CharSequence text) {
            return ByteBufUtil.writeUtf8(alloc, text);
        }
        ByteBuf buf = alloc.buffer(128);
        try (ByteBufOutputStream out = new ByteBufOutputStream(buf)) {
            writer.writeValue((java.io.OutputStream) out, message);
            return buf;
        } catch (IOException e) {
            buf.release();
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                throw new IllegalArgumentException("cannot encode " + message.getClass().getName() + " as JSON: "
                        + e.getMessage(), e);
            }
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
    }

    /**
     * Encodes a message and frames it for the wire once, for a broadcast ({@link WireFrame}).
     *
     * @param message text, or an object to encode as JSON
     * @return a frame the caller owns
     */
    public WireFrame encodeFrame(Object message) {
        ByteBuf payload = encode(message);
        try {
            return WireFrame.text(payload, alloc);
        } finally {
            payload.release();
        }
    }
}
