package io.kalisocket.internal.connection;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Encodes an outbound message once into a buffer: text as UTF-8, anything else as JSON written straight
 * into the buffer (no intermediate String).
 */
public final class MessageEncoder {

    private final ObjectWriter writer;
    /** Makes the generators the writer writes into; null: the writer's own factory does. */
    private final JsonFactory generators;
    private final ByteBufAllocator alloc;

    /**
     * @param writer the JSON writer
     * @param alloc where buffers come from
     */
    public MessageEncoder(ObjectWriter writer, ByteBufAllocator alloc) {
        this(writer, null, alloc);
    }

    private MessageEncoder(ObjectWriter writer, JsonFactory generators, ByteBufAllocator alloc) {
        this.writer = writer;
        this.generators = generators;
        this.alloc = alloc;
    }

    /**
     * The encoder of a server's messages. Jackson recycles its generators' buffers per thread by default, and a
     * virtual thread lives for one drain of one connection's queue: on virtual threads every reply would get fresh
     * buffers (17 KB a reply on Jackson 2.23, docs/BENCHMARKS.md). There the mapper's writer writes into generators
     * of a factory with the mapper's settings and one pool of buffers shared by the server's threads (the mapper is
     * not copied: a {@code JsonMapper} cannot be); a mapper whose factory has a pool of its own keeps it.
     *
     * @param mapper the application's JSON mapper (not changed)
     * @param virtualThreads true when actions run on virtual threads
     * @param alloc where buffers come from
     * @return the encoder
     */
    public static MessageEncoder of(ObjectMapper mapper, boolean virtualThreads, ByteBufAllocator alloc) {
        JsonFactory factory = mapper.getFactory();
        boolean perThread = factory._getRecyclerPool() == JsonRecyclerPools.threadLocalPool();
        if (!virtualThreads || !perThread || !JsonFactory.FORMAT_NAME_JSON.equals(factory.getFormatName())) {
            return new MessageEncoder(mapper.writer(), alloc);
        }
        // the same settings, another pool: the mapper's writer serializes into this factory's generators
        JsonFactory shared = factory.rebuild().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build();
        return new MessageEncoder(mapper.writer(), shared, alloc);
    }

    /** @return the factory of the generators its JSON is written into */
    JsonFactory factory() {
        return generators != null ? generators : writer.getFactory();
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
            if (generators == null) {
                writer.writeValue((OutputStream) out, message);
            } else {
                try (JsonGenerator generator = generators.createGenerator((OutputStream) out, JsonEncoding.UTF8)) {
                    writer.writeValue(generator, message);
                }
            }
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
