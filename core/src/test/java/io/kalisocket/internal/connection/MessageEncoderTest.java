package io.kalisocket.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server's messages are encoded once, text as UTF-8 and anything else as JSON; on virtual threads, which live for
 * one drain each, the JSON writer shares one pool of buffers among threads instead of Jackson's pool per thread,
 * without changing the application's mapper.
 */
class MessageEncoderTest {

    /** As the server's default mapper is made (a JsonMapper, which cannot be copied with another factory). */
    private final ObjectMapper mapper = JsonMapper.builder().build();

    @Test
    void onVirtualThreads_theWriterSharesOnePoolOfBuffers_andTheApplicationsMapperIsUnchanged() {
        MessageEncoder encoder = MessageEncoder.of(mapper, true, UnpooledByteBufAllocator.DEFAULT);

        assertThat(encoder.factory()._getRecyclerPool())
                .isInstanceOf(JsonRecyclerPools.ConcurrentDequePool.class);
        assertThat(mapper.getFactory()._getRecyclerPool()).isSameAs(JsonRecyclerPools.threadLocalPool());
        assertThat(text(encoder, Map.of("code", 0))).isEqualTo("{\"code\":0}");
        assertThat(text(encoder, new Reply(0, "ok"))).isEqualTo("{\"code\":0,\"msg\":\"ok\"}");
    }

    @Test
    void onVirtualThreads_theApplicationsSerializationSettingsStillApply() {
        ObjectMapper indenting = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

        MessageEncoder virtual = MessageEncoder.of(indenting, true, UnpooledByteBufAllocator.DEFAULT);
        MessageEncoder platform = MessageEncoder.of(indenting, false, UnpooledByteBufAllocator.DEFAULT);

        assertThat(text(virtual, Map.of("code", 0))).isEqualTo(text(platform, Map.of("code", 0))).contains("\n");
    }

    @Test
    void onPlatformThreads_theApplicationsMapperWrites() {
        MessageEncoder encoder = MessageEncoder.of(mapper, false, UnpooledByteBufAllocator.DEFAULT);

        assertThat(encoder.factory()).isSameAs(mapper.getFactory());
        assertThat(text(encoder, Map.of("code", 0))).isEqualTo("{\"code\":0}");
    }

    @Test
    void aMapperWithAPoolOfItsOwn_keepsIt() {
        ObjectMapper own = JsonMapper.builder(JsonFactory.builder()
                .recyclerPool(JsonRecyclerPools.newBoundedPool(8)).build()).build();

        assertThat(MessageEncoder.of(own, true, UnpooledByteBufAllocator.DEFAULT).factory()).isSameAs(own.getFactory());
    }

    @Test
    void text_isWrittenAsUtf8_asItIs() {
        MessageEncoder encoder = MessageEncoder.of(mapper, true, UnpooledByteBufAllocator.DEFAULT);

        assertThat(text(encoder, "~H#S~ é")).isEqualTo("~H#S~ é");
    }

    /** A reply as an application writes one. */
    record Reply(int code, String msg) {
    }

    private static String text(MessageEncoder encoder, Object message) {
        ByteBuf encoded = encoder.encode(message);
        try {
            return encoded.toString(StandardCharsets.UTF_8);
        } finally {
            encoded.release();
        }
    }
}
