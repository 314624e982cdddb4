package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.internal.server.app.ProbeController;
import io.kalisocket.testing.TestClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The own-callback level: {@code onMessage} replaces the ready pipeline and calls the dispatcher itself. */
class OwnCallbacksTest {

    @Test
    void onMessage_getsEveryTextFrameAndDispatcherRunRoutesLikeThePipeline() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> seen = new CopyOnWriteArrayList<>();
        List<String> lifecycle = new CopyOnWriteArrayList<>();
        KaliServer app = KaliServer.create(ConfigLoader.of(Map.of("server.port", "0")))
                .controllers(ProbeController.class);
        app.onConnect(conn -> lifecycle.add("connect"))
                .onWebSocketConnect((conn, handshake) -> lifecycle.add("upgrade " + handshake.queryParam("room").orElse("")))
                .onClose(conn -> lifecycle.add("close " + conn.id()))
                .onMessage((conn, text) -> {
                    seen.add(text);
                    if (text.equals("~H#C~")) {
                        conn.send("~H#S~");
                        return;
                    }
                    try {
                        JsonNode params = json.readTree(text);
                        if (params.isObject() && params.has("ct") && params.has("ac")) {
                            app.dispatcher().run(conn, params);
                        }
                    } catch (Exception ignored) {
                        // The PHP original drops what is not JSON; so does this application.
                    }
                });
        String clientId;
        try (RunningServer server = app.bind(); TestClient client = TestClient.connect(server.port(), "room=r9")) {
            client.send("~H#C~");
            client.send("not json");
            client.send("{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":5}");
            client.send("{\"ct\":\"probe\",\"ac\":\"nothing\"}");
            List<String> replies = client.awaitMessages(3);
            assertThat(replies.get(0)).isEqualTo("~H#S~");
            assertThat(TestClient.parse(replies.get(1)).get("data").asInt()).isEqualTo(5);
            assertThat(TestClient.parse(replies.get(2)).get("code").asInt()).isEqualTo(404);
            assertThat(seen).hasSize(4);
            client.sendJson(Map.of("ct", "probe", "ac", "whoami"));
            clientId = client.awaitJson(n -> n.path("data").has("clientId")).at("/data/clientId").asText();
            client.close();
            await().atMost(TestClient.WAIT).until(() -> lifecycle.size() == 3);
        }
        assertThat(lifecycle).containsExactly("connect", "upgrade r9", "close " + clientId);
    }

    @Test
    void dispatcherRun_acceptsAMap() {
        KaliServer app = KaliServer.create(ConfigLoader.of(Map.of("server.port", "0"))).controllers(ProbeController.class);
        app.onMessage((conn, text) -> app.dispatcher().run(conn, Map.of("ct", "probe", "ac", "echo", "data", text)));
        try (RunningServer server = app.bind(); TestClient client = TestClient.connect(server.port())) {
            client.send("hello");
            assertThat(TestClient.parse(client.awaitMessages(1).get(0)).get("data").asText()).isEqualTo("hello");
        }
    }
}
