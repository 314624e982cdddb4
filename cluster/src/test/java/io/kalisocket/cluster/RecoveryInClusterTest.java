package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connection recovery in a cluster (docs/RECOVERY.md): while a client is parked on its node, the other nodes
 * still see it (online, in its groups) and what they send it is kept; it returns to its node and gets it all. A
 * return to another node while the socket on its node still looks alive takes the connection over from there.
 */
class RecoveryInClusterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<RunningServer> servers = new ArrayList<>();
    private final List<Cluster> clusters = new ArrayList<>();
    private final List<WebSocket> sockets = new ArrayList<>();

    @AfterEach
    void stop() {
        sockets.forEach(WebSocket::abort);
        servers.forEach(s -> s.stop(Duration.ofMillis(200)));
        clusters.forEach(Cluster::close);
    }

    private RunningServer node(String nodeId, ClusterConfig config) {
        KaliServer server = KaliServer.create(ConfigLoader.of(Map.of("server.port", "0", "server.node-id", nodeId,
                "server.worker-threads", "2", "recovery.enabled", "true", "recovery.secret", "shared")))
                .controllers(ProbeController.class);
        clusters.add(Cluster.join(server, config));
        RunningServer running = server.bind();
        servers.add(running);
        return running;
    }

    /** Opens a socket and collects its JSON frames, in order. */
    private List<JsonNode> open(RunningServer node, String query, List<WebSocket> opened) {
        List<JsonNode> frames = new CopyOnWriteArrayList<>();
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + node.port() + "/?" + query),
                new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                frames.add(JSON.readTree(partial.toString()));
                            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                                throw new UncheckedIOException(e);
                            }
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).join();
        sockets.add(socket);
        opened.add(socket);
        return frames;
    }

    @Test
    void aParkedClient_staysInItsGroupsForEveryNode_andGetsWhatOtherNodesSent() {
        RedisForTests.require();
        ClusterConfig config = ClusterConfig.of(RedisForTests.URI).withKeyPrefix(RedisForTests.freshPrefix());
        RunningServer a = node("a", config);
        RunningServer b = node("b", config);
        List<WebSocket> annSockets = new ArrayList<>();
        List<JsonNode> ann = open(a, "recover=1", annSockets);
        await().until(() -> !ann.isEmpty());
        JsonNode recovery = ann.get(0);
        String annId = recovery.get("client_id").asText();
        b.gateway().joinGroup(annId, "g");
        await().until(() -> b.gateway().getClientIdCountByGroup("g") == 1);

        annSockets.get(0).abort();
        await().until(() -> a.stats().connectionsOpen() == 0);
        for (int i = 0; i < 20; i++) {
            b.gateway().sendToGroup("g", Map.of("type", "g", "n", i));
        }
        assertThat(b.gateway().isOnline(annId)).isTrue();
        assertThat(b.gateway().getClientIdListByGroup("g")).containsExactly(annId);

        List<JsonNode> back = open(a, "resume=" + recovery.get("token").asText() + "&epoch="
                + recovery.get("epoch").asText() + "&last=0", new ArrayList<>());
        await().until(() -> back.size() >= 21);
        assertThat(back.get(0).get("recovered").asBoolean()).isTrue();
        assertThat(back.get(0).get("client_id").asText()).isEqualTo(annId);
        for (int i = 0; i < 20; i++) {
            assertThat(back.get(1 + i).get("_seq").asLong()).isEqualTo(i + 1);
            assertThat(back.get(1 + i).get("n").asInt()).isEqualTo(i);
        }

        List<JsonNode> elsewhere = open(b, "resume=" + recovery.get("token").asText() + "&epoch="
                + recovery.get("epoch").asText() + "&last=20", new ArrayList<>());
        await().until(() -> !elsewhere.isEmpty());
        assertThat(elsewhere.get(0).get("recovered").asBoolean())
                .as("its socket on a still open: a drops it, b claims the connection: %s", elsewhere.get(0)).isTrue();
        assertThat(elsewhere.get(0).get("client_id").asText()).isEqualTo(annId);
        assertThat(elsewhere.get(0).get("missed").asLong()).isZero();
    }
}
