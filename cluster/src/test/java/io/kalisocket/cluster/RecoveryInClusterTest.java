package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connection recovery in a cluster (docs/RECOVERY.md): while a client is parked on its node, the other nodes
 * still see it (online, in its groups) and what they send it is kept; it returns to its node and gets it all. A
 * return to another node while the socket on its node still looks alive takes the connection over from there.
 * Pushes sent from both nodes while a client returns to the other one arrive once each, none lost.
 */
@ParameterizedClass
@EnumSource(RedisKind.class)
@ExtendWith(RedisTargets.class)
class RecoveryInClusterTest {

    @Parameter
    RedisKind kind;

    private final List<RunningServer> servers = new ArrayList<>();
    private final List<Cluster> clusters = new ArrayList<>();
    private final List<TestClient> sockets = new ArrayList<>();

    @AfterEach
    void stop() {
        sockets.forEach(TestClient::close);
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

    private TestClient open(RunningServer node, String query) {
        TestClient socket = TestClient.connect(node.port(), query);
        sockets.add(socket);
        return socket;
    }

    @Test
    void aParkedClient_staysInItsGroupsForEveryNode_andGetsWhatOtherNodesSent(RedisTargets.Targets redis) {
        ClusterConfig config = ClusterConfig.of(redis.uri(kind)).withKeyPrefix(RedisForTests.freshPrefix());
        RunningServer a = node("a", config);
        RunningServer b = node("b", config);
        TestClient ann = open(a, "recover=1");
        JsonNode recovery = ann.awaitJson(1).get(0);
        String annId = recovery.get("client_id").asText();
        b.gateway().joinGroup(annId, "g");
        await().until(() -> b.gateway().getClientIdCountByGroup("g") == 1);

        ann.abort();
        await().until(() -> a.counters().get("connections_open") == 0);
        for (int i = 0; i < 20; i++) {
            b.gateway().sendToGroup("g", Map.of("type", "g", "n", i));
        }
        assertThat(b.gateway().isOnline(annId)).isTrue();
        assertThat(b.gateway().getClientIdListByGroup("g")).containsExactly(annId);

        String token = "resume=" + recovery.get("token").asText() + "&epoch=" + recovery.get("epoch").asText();
        List<JsonNode> back = open(a, token + "&last=0").awaitJson(21);
        assertThat(back.get(0).get("recovered").asBoolean()).isTrue();
        assertThat(back.get(0).get("client_id").asText()).isEqualTo(annId);
        for (int i = 0; i < 20; i++) {
            assertThat(back.get(1 + i).get("_seq").asLong()).isEqualTo(i + 1);
            assertThat(back.get(1 + i).get("n").asInt()).isEqualTo(i);
        }

        JsonNode elsewhere = open(b, token + "&last=20").awaitJson(1).get(0);
        assertThat(elsewhere.get("recovered").asBoolean())
                .as("its socket on a still open: a drops it, b claims the connection: %s", elsewhere).isTrue();
        assertThat(elsewhere.get("client_id").asText()).isEqualTo(annId);
        assertThat(elsewhere.get("missed").asLong()).isZero();
    }

    @Test
    void pushesSentFromBothNodesWhileTheClientReturnsToTheOther_arriveExactlyOnce(RedisTargets.Targets redis)
            throws InterruptedException {
        // Far over the 600 pushes: a return that lands late must still find all of them kept.
        try (RecoveryNodes nodes = RecoveryNodes.onRedis(redis.uri(kind), "recovery.max-messages", "10000")) {
            RunningServer a = nodes.start("a");
            RunningServer b = nodes.start("b");
            TestClient ann = nodes.open(a, "recover=1&uid=ann&room=r1");
            JsonNode recovery = ann.awaitJson(1).get(0);
            TestClient bob = nodes.open(a, "room=r1");
            await().until(() -> b.gateway().getClientIdCountByGroup("r1") == 2);
            ann.abort();
            await().until(() -> a.counters().get("connections_open") == 1);
            int each = 300;
            Thread fromA = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    a.gateway().sendToGroup("r1", Map.of("type", "say", "from", "a", "n", i));
                }
            });
            Thread fromB = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    b.gateway().sendToUid("ann", Map.of("type", "say", "from", "b", "n", i));
                }
            });
            fromA.start();
            fromB.start();
            // the return lands mid-traffic
            await().until(() -> bob.receivedJson(Json.type("say")).size() >= each / 3);
            TestClient back = nodes.open(b, "resume=" + recovery.get("token").asText() + "&epoch="
                    + recovery.get("epoch").asText() + "&last=0");
            JsonNode answer = back.awaitJson(1).get(0);
            assertThat(answer.get("recovered").asBoolean()).as("the answer to the return: %s", answer).isTrue();
            fromA.join();
            fromB.join();
            List<JsonNode> pushes = back.awaitJson(1 + 2 * each).subList(1, 1 + 2 * each);
            assertThat(pushes).extracting(f -> f.get("_seq").asLong()).as("no gap, no repeat")
                    .isEqualTo(LongStream.rangeClosed(1, 2L * each).boxed().toList());
            assertThat(pushes.stream().map(f -> f.get("from").asText() + f.get("n").asInt()).distinct().count())
                    .as("each push once").isEqualTo(2L * each);
            assertThat(nodes.lobby().offlineRuns()).isZero();
        }
    }
}
