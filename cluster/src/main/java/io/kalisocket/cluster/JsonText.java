package io.kalisocket.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes the JSON text of notices with buffers the calling threads share. Jackson recycles a generator's buffers per
 * thread by default, and on Java 21+ actions run on virtual threads that live for one call: every notice an action
 * sends would get fresh ones (about 11 KB a cross-node send, docs/BENCHMARKS.md). As the server's own encoder does,
 * messages go through the application's writer (its settings apply) into generators of a factory with the mapper's
 * settings and a shared pool; a mapper whose factory has a pool of its own keeps it.
 */
final class JsonText {

    private final ObjectWriter messages;
    private final JsonFactory messageGenerators;
    /** Headers are written with Jackson's defaults, one line whatever the application's settings. */
    private final ObjectMapper headers;

    /** @param mapper the application's wire mapper (not changed) */
    JsonText(ObjectMapper mapper) {
        RecyclerPool<BufferRecycler> shared = JsonRecyclerPools.newConcurrentDequePool();
        JsonFactory factory = mapper.getFactory();
        boolean perThread = factory._getRecyclerPool() == JsonRecyclerPools.threadLocalPool();
        this.messages = mapper.writer();
        this.messageGenerators = perThread && JsonFactory.FORMAT_NAME_JSON.equals(factory.getFormatName())
                ? factory.rebuild().recyclerPool(shared).build()
                : factory;
        this.headers = JsonMapper.builder(JsonFactory.builder().recyclerPool(shared).build()).build();
    }

    /**
     * @param message anything the application's mapper can write
     * @return its JSON, as the application's mapper writes it
     * @throws JsonProcessingException when it cannot be written as JSON
     */
    String message(Object message) throws JsonProcessingException {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator generator = messageGenerators.createGenerator(out)) {
            messages.writeValue(generator, message);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string failed", e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** @param header a notice's header @return its JSON on one line */
    String header(JsonNode header) {
        try {
            return headers.writeValueAsString(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice's header is plain JSON", e);
        }
    }

    /** @return the factory of the generators messages are written into */
    JsonFactory messageFactory() {
        return messageGenerators;
    }
}
