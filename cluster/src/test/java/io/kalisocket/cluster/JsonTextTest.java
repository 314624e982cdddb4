package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Notices' JSON is written with one pool of buffers that the calling threads share (an action on a virtual thread
 * lives for one call), messages as the application's mapper writes them, headers on one line.
 */
class JsonTextTest {

    private final ObjectMapper mapper = JsonMapper.builder().build();

    @Test
    void threadsThatLiveForOneSendEach_reuseTheSameBuffers_andTheApplicationsMapperIsUnchanged() throws Exception {
        JsonText text = new JsonText(mapper);

        for (int i = 0; i < 20; i++) {
            Thread oneSend = new Thread(() -> assertThat(message(text, Map.of("code", 0))).isEqualTo("{\"code\":0}"));
            oneSend.start();
            oneSend.join();
        }

        assertThat(text.messageFactory()._getRecyclerPool().pooledCount()).isEqualTo(1);
        assertThat(mapper.getFactory()._getRecyclerPool()).isSameAs(JsonRecyclerPools.threadLocalPool());
    }

    @Test
    void messages_areWrittenWithTheApplicationsSettings() throws Exception {
        ObjectMapper indenting = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

        String written = new JsonText(indenting).message(Map.of("code", 0));

        assertThat(written).isEqualTo(indenting.writeValueAsString(Map.of("code", 0))).contains("\n");
    }

    @Test
    void headers_areOneLine_whateverTheApplicationsSettings() throws Exception {
        ObjectMapper indenting = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Notice.Codec codec = new Notice.Codec(indenting, "node-a");

        String control = codec.control("bind", "c1", "ann");

        assertThat(control).doesNotContain("\n");
        assertThat(codec.parse(control).header()).isEqualTo(indenting.readTree(control));
        assertThat(codec.parse(control).from()).isEqualTo("node-a");
    }

    @Test
    void aMapperWithAPoolOfItsOwn_keepsIt() {
        ObjectMapper own = JsonMapper.builder(JsonFactory.builder()
                .recyclerPool(JsonRecyclerPools.newBoundedPool(8)).build()).build();

        assertThat(new JsonText(own).messageFactory()).isSameAs(own.getFactory());
    }

    private static String message(JsonText text, Object message) {
        try {
            return text.message(message);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
