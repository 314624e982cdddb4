package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.RunningServer;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connection recovery across nodes (docs/RECOVERY.md §7): a client whose socket dropped on node a returns to node b
 * with its token and gets its connection back — same client id, uid, room and session — then every push it missed,
 * from either node, once each and in order, then live traffic; the room never sees it leave. When the window passes
 * the offline action runs once in the whole cluster, and over the caps the return starts afresh. (Pushes sent from
 * both nodes while the return happens: {@link RecoveryInClusterTest}, on both kinds of Redis.)
 */
@ParameterizedClass
@EnumSource(RedisKind.class)
@ExtendWith(RedisTargets.class)
class RecoveryAcrossNodesTest {

    @Parameter
    RedisKind kind;

    private String redisUri;
    private RecoveryNodes nodes;
    private Keys keys;

    @BeforeEach
    void redis(RedisTargets.Targets targets) {
        redisUri = targets.uri(kind);
    }

    @AfterEach
    void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    /** A client of the room on node a, and a member of the room on each node. */
    private record Room(RunningServer a, RunningServer b, TestClient ann, JsonNode recovery, TestClient bob,
            TestClient carol) {
        String annId() {
            return recovery.get("client_id").asText();
        }

        String resume(long last) {
            return "resume=" + recovery.get("token").asText() + "&epoch=" + recovery.get("epoch").asText() + "&last="
                    + last;
        }
    }

    private Room room(String... settings) {
        nodes = RecoveryNodes.onRedis(redisUri, settings);
        keys = nodes.keys();
        RunningServer a = nodes.start("a");
        RunningServer b = nodes.start("b");
        TestClient ann = nodes.open(a, "recover=1&uid=ann&name=Ann&room=r1");
        JsonNode recovery = ann.awaitJson(1).get(0);
        TestClient bob = nodes.open(a, "room=r1");
        TestClient carol = nodes.open(b, "room=r1");
        await().until(() -> a.gateway().getClientIdCountByGroup("r1") == 3
                && b.gateway().getClientIdCountByGroup("r1") == 3);
        return new Room(a, b, ann, recovery, bob, carol);
    }

    private void dropAndAwaitPark(Room room) {
        room.ann().abort();
        await().until(() -> "1".equals(nodes.redis().hget(keys.streamMeta(room.annId()), "parked")));
    }

    @Test
    void aClientDroppedOnOneNode_returnsToAnother_withEverythingItMissed_onceInOrder() {
        Room room = room();
        String annId = room.annId();
        dropAndAwaitPark(room);

        for (int i = 0; i < 25; i++) {
            room.bob().send("{\"ct\":\"lobby\",\"ac\":\"say\",\"room\":\"r1\",\"n\":" + i + "}");
            room.carol().send("{\"ct\":\"lobby\",\"ac\":\"say\",\"room\":\"r1\",\"n\":" + i + "}");
            if (i == 5) {
                room.a().gateway().sendToUid("ann", Map.of("type", "private", "n", 1));
            } else if (i == 12) {
                room.b().gateway().sendToClient(annId, Map.of("type", "private", "n", 2));
            } else if (i == 20) {
                room.b().gateway().sendToUid("ann", Map.of("type", "private", "n", 3));
            }
        }
        room.bob().awaitJson(50);
        room.carol().awaitJson(50);
        assertThat(room.b().gateway().isOnline(annId)).as("parked: still online for every node").isTrue();

        TestClient back = nodes.open(room.b(), room.resume(0));
        List<JsonNode> frames = back.awaitJson(54);
        JsonNode recovered = frames.get(0);
        assertThat(recovered.get("recovered").asBoolean()).isTrue();
        assertThat(recovered.get("client_id").asText()).isEqualTo(annId);
        assertThat(recovered.get("missed").asLong()).isEqualTo(53);
        List<JsonNode> missed = frames.subList(1, 54);
        for (int i = 0; i < 53; i++) {
            assertThat(missed.get(i).get("_seq").asLong()).as("numbered in order, no gap, no repeat").isEqualTo(i + 1);
        }
        String bobId = room.bob().receivedJson(Json.type("say")).get(0).get("from").asText();
        assertThat(ns(missed, "say", bobId)).as("bob's, in the order sent").isEqualTo(range(25));
        String carolId = room.carol().receivedJson(Json.type("say")).stream().map(f -> f.get("from").asText())
                .filter(id -> !id.equals(bobId)).findFirst().orElseThrow();
        assertThat(ns(missed, "say", carolId)).as("carol's, in the order sent").isEqualTo(range(25));
        assertThat(missed.stream().filter(f -> f.get("type").asText().equals("private")).map(f -> f.get("n").asInt()))
                .containsExactly(1, 2, 3);

        for (RunningServer node : List.of(room.a(), room.b())) {
            assertThat(node.gateway().getClientIdListByGroup("r1")).contains(annId).hasSize(3);
            assertThat(node.gateway().getClientIdCountByGroup("r1")).isEqualTo(3);
            assertThat(node.gateway().getClientIdByUid("ann")).containsExactly(annId);
            assertThat(node.gateway().getUidByClientId(annId)).contains("ann");
            assertThat(node.gateway().isOnline(annId)).isTrue();
            assertThat(node.gateway().getSession(annId).orElseThrow()).containsEntry("name", "Ann");
            assertThat(node.gateway().getAllClientIdCount()).isEqualTo(3);
        }
        assertThat(room.bob().receivedJson(Json.type("offline"))).as("the room never saw ann leave").isEmpty();
        assertThat(room.carol().receivedJson(Json.type("offline"))).isEmpty();
        assertThat(nodes.lobby().offlineRuns()).isZero();

        room.a().gateway().sendToClient(annId, Map.of("type", "live", "n", 1));
        room.a().gateway().sendToGroup("r1", Map.of("type", "live", "n", 2));
        // order holds per sender: node a's notice must be in before carol's say on node b can follow it
        back.awaitJson(56);
        room.carol().send("{\"ct\":\"lobby\",\"ac\":\"say\",\"room\":\"r1\",\"n\":99}");
        List<JsonNode> live = back.awaitJson(57).subList(54, 57);
        assertThat(live).extracting(f -> f.get("_seq").asLong()).containsExactly(54L, 55L, 56L);
        assertThat(live.get(0).get("n").asInt()).isEqualTo(1);
        assertThat(live.get(1).get("n").asInt()).isEqualTo(2);
        assertThat(live.get(2).get("n").asInt()).isEqualTo(99);
        assertThat(back.receivedJson()).hasSize(57);
    }

    @Test
    void whenTheWindowPasses_theOfflineActionRunsOnceInTheCluster_andALateReturnStartsAfresh() {
        Room room = room();
        dropAndAwaitPark(room);
        nodes.clock().advance(Duration.ofMinutes(2));
        room.bob().awaitJson(1);
        await().until(() -> room.carol().receivedJson(Json.type("offline")).size() == 1);
        assertThat(room.bob().receivedJson(Json.type("offline"))).hasSize(1);
        // The offline action's notice goes out before the close actions end with ann leaving the group in Redis.
        await().until(() -> room.b().gateway().getClientIdCountByGroup("r1") == 2);

        TestClient late = nodes.open(room.b(), room.resume(0));
        JsonNode answer = late.awaitJson(1).get(0);
        assertThat(answer.get("recovered").asBoolean()).isFalse();
        assertThat(answer.get("reason").asText()).isEqualTo("expired");
        assertThat(answer.get("client_id").asText()).isNotEqualTo(room.annId());
        assertThat(nodes.lobby().offlineRuns()).as("once, by the node that held it").isEqualTo(1);
        assertThat(room.carol().receivedJson(Json.type("offline"))).hasSize(1);
    }

    @Test
    void overTheCaps_theReturnStartsAfresh_andRedisKeepsNoMoreThanTheCap() {
        Room room = room("recovery.max-messages", "5");
        String annId = room.annId();
        for (int i = 0; i < 20; i++) {
            room.a().gateway().sendToClient(annId, Map.of("type", "private", "n", i));
        }
        room.ann().awaitJson(21);
        String stream = keys.stream(annId);
        await().until(() -> "20".equals(nodes.redis().hget(keys.streamMeta(annId), "last")));
        assertThat(nodes.redis().xlen(stream)).as("the newest 5 only").isEqualTo(5);

        dropAndAwaitPark(room);
        for (int i = 0; i < 6; i++) {
            room.b().gateway().sendToClient(annId, Map.of("type", "private", "n", 100 + i));
            assertThat(nodes.redis().xlen(stream)).isLessThanOrEqualTo(5);
        }
        await().until(() -> room.carol().receivedJson(Json.type("offline")).size() == 1);

        JsonNode answer = nodes.open(room.b(), room.resume(20)).awaitJson(1).get(0);
        assertThat(answer.get("recovered").asBoolean()).isFalse();
        assertThat(answer.get("client_id").asText()).isNotEqualTo(annId);
        assertThat(nodes.redis().xlen(stream)).isZero();
        assertThat(nodes.lobby().offlineRuns()).isEqualTo(1);
    }

    @Test
    void aReturnToTheSameNode_isRecoveredFromItsMemory() {
        Room room = room();
        dropAndAwaitPark(room);
        room.b().gateway().sendToGroup("r1", Map.of("type", "say", "n", 7));
        TestClient back = nodes.open(room.a(), room.resume(0));
        List<JsonNode> frames = back.awaitJson(2);
        assertThat(frames.get(0).get("recovered").asBoolean()).isTrue();
        assertThat(frames.get(0).get("client_id").asText()).isEqualTo(room.annId());
        assertThat(frames.get(1).get("n").asInt()).isEqualTo(7);
        assertThat(nodes.lobby().offlineRuns()).isZero();
    }

    /**
     * The old node may push a parked connection past its caps after another node's claim ran and before the old
     * node hears of it ({@code moved}). The client is back elsewhere: no close action runs, and every push, the
     * ones after the overflow too, goes on to the claiming node. Staged in Redis, where the claim makes node b the
     * stream's writer; no {@code moved} follows, so the old node stays in that moment.
     */
    @Test
    void overItsCaps_justAfterAnotherNodeClaimedIt_closesNothing_andHandsEveryPushOn() {
        Room room = room("recovery.max-messages", "5");
        String annId = room.annId();
        dropAndAwaitPark(room);
        List<String> toB = nodes.listen(keys.channel(room.b().nodeId()));
        nodes.redis().hset(keys.streamMeta(annId), "node", room.b().nodeId());

        int pushes = 8; // the 6th is one more than the cap: the parked stream on node a overflows
        for (int i = 0; i < pushes; i++) {
            room.a().gateway().sendToClient(annId, Map.of("type", "private", "n", i));
        }
        String handedOn = "{\"op\":\"c\",\"from\":\"" + room.a().nodeId() + "\",\"t\":[\"" + annId + "\"]}";
        await("pushes handed on to node b").until(() -> toB.stream().filter(m -> m.startsWith(handedOn)).count(),
                handed -> handed == pushes);
        assertThat(nodes.lobby().offlineRuns()).as("the client is back on node b").isZero();
        assertThat(room.bob().receivedJson(Json.type("offline"))).isEmpty();
    }

    /**
     * A claim is one script in the connection's slot (its stream and its record): when it fails in Redis, nothing of
     * it is written, so the connection stays parked on its node, which still holds it. Staged by giving the
     * connection's record the wrong type for a moment, which makes the script's first write fail.
     */
    @Test
    void aClaimThatFailsInRedis_changesNothing_andALaterReturnIsRecovered() {
        Room room = room();
        dropAndAwaitPark(room);
        String record = keys.client(room.annId());
        Map<String, String> fields = nodes.redis().hgetall(record);
        assertThat(fields).as("the record names node a").containsEntry("n", room.a().nodeId());
        nodes.redis().del(record);
        nodes.redis().set(record, "not a hash");

        JsonNode refused = nodes.open(room.b(), room.resume(0)).awaitJson(1).get(0);
        assertThat(refused.get("recovered").asBoolean()).isFalse();
        assertThat(refused.get("reason").asText()).isEqualTo("unavailable");
        assertThat(nodes.redis().hgetall(keys.streamMeta(room.annId())))
                .as("the stream is still node a's, parked")
                .containsEntry("node", room.a().nodeId()).containsEntry("parked", "1");

        nodes.redis().del(record);
        nodes.redis().hset(record, fields);
        JsonNode back = nodes.open(room.b(), room.resume(0)).awaitJson(1).get(0);
        assertThat(back.get("recovered").asBoolean()).as("the return after: %s", back).isTrue();
        assertThat(back.get("client_id").asText()).isEqualTo(room.annId());
        assertThat(nodes.lobby().offlineRuns()).isZero();
    }

    private static List<Integer> ns(List<JsonNode> frames, String type, String from) {
        return frames.stream().filter(f -> f.path("type").asText().equals(type) && f.path("from").asText().equals(from))
                .map(f -> f.get("n").asInt()).toList();
    }

    private static List<Integer> range(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }
}
