package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.RunningServer;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deliveries that race a claim (docs/RECOVERY.md §7, docs/CLUSTER.md "Route stamps"): a send's script looks its
 * recipients up, then the sending node publishes it to each node's channel, so a delivery can reach a node after a
 * claim it was looked up before, or before the {@code moved} notice of a claim it was looked up after. Each carries
 * the versions of its entities as the lookup saw them ({@link RouteStamp}); staged here by publishing stamped
 * deliveries straight to the channels of the node a client left (a) and the node it returned to (b): the connection
 * gets each exactly once, on one side. On one Redis and on a Redis Cluster (sharded channels, each entity's version
 * in its own slot).
 */
@ParameterizedClass
@EnumSource(RedisKind.class)
@ExtendWith(RedisTargets.class)
class ClaimRaceTest {

    @Parameter
    RedisKind kind;

    private RedisTargets.Targets targets;
    private RecoveryNodes nodes;
    private Keys keys;
    private RedisView view;

    @BeforeEach
    void targets(RedisTargets.Targets targets) {
        this.targets = targets;
    }

    @AfterEach
    void stop() {
        if (view != null) {
            view.close();
        }
        if (nodes != null) {
            nodes.close();
        }
    }

    private RedisClusterCommands<String, String> redis() {
        return view.sync();
    }

    /**
     * Ann (recoverable, uid ann, room r1) and Bob (room r1) on node a, Ann's socket dropped and back on node b; node a
     * has let her connection go.
     *
     * @param before the versions of Ann's user and room just before the claim
     * @param after the same, just after it
     */
    private record Moved(RunningServer a, RunningServer b, TestClient ann, TestClient bob, String annId,
            Versions before, Versions after) {
    }

    /** @param user {@code ks:v:u:ann} @param room {@code ks:v:g:r1} @param all {@code ks:v:a} */
    private record Versions(long user, long room, long all) {
    }

    private Moved annMovedFromAToB() {
        nodes = RecoveryNodes.onRedis(targets.uri(kind));
        keys = Keys.of(nodes.config());
        view = new RedisView(targets.uri(kind));
        RunningServer a = nodes.start("a");
        RunningServer b = nodes.start("b");
        TestClient ann = nodes.open(a, "recover=1&uid=ann&room=r1");
        JsonNode recovery = ann.awaitJson(1).get(0);
        String annId = recovery.get("client_id").asText();
        TestClient bob = nodes.open(a, "room=r1");
        await().until(() -> b.gateway().getClientIdCountByGroup("r1") == 2);
        ann.abort();
        await().until(() -> "1".equals(redis().hget(keys.streamMeta(annId), "parked")));
        Versions before = versions();
        TestClient back = nodes.open(b, "resume=" + recovery.get("token").asText() + "&epoch="
                + recovery.get("epoch").asText() + "&last=0");
        assertThat(back.awaitJson(1).get(0).get("recovered").asBoolean()).isTrue();
        await("node a let her go").until(() -> !redis().sismember(keys.clients("a"), annId)
                && !redis().hexists(keys.movedFrom("u:ann"), annId)
                && !redis().hexists(keys.movedFrom("g:r1"), annId));
        Versions after = versions();
        assertThat(after.user()).as("the claim switched Ann's user").isGreaterThan(before.user());
        assertThat(after.room()).as("and her room").isGreaterThan(before.room());
        return new Moved(a, b, back, bob, annId, before, after);
    }

    private Versions versions() {
        return new Versions(version("u:ann"), version("g:r1"), version("a"));
    }

    private long version(String entity) {
        String value = redis().get(keys.version(entity));
        return value == null ? 0 : Long.parseLong(value);
    }

    /** Publishes a delivery to a channel as a sending node would, stamped with the entity's version given. */
    private void deliver(String channel, String op, String target, String entity, long version, int n) {
        String to = "a".equals(op) ? "" : "\"t\":[\"" + target + "\"],";
        publish("all".equals(channel) ? keys.channelAll() : keys.channel(channel), "{\"op\":\"" + op
                + "\",\"from\":\"x\"," + to + "\"v\":{\"" + entity + "\":" + version
                + "}}\n{\"type\":\"late\",\"n\":" + n + "}");
    }

    /** As a node publishes: sharded on a Redis Cluster. */
    private void publish(String channel, String notice) {
        if (keys.sharded()) {
            redis().spublish(channel, notice);
        } else {
            redis().publish(channel, notice);
        }
    }

    private static List<Integer> late(TestClient client) {
        return client.receivedJson(Json.type("late")).stream().map(f -> f.get("n").asInt()).toList();
    }

    @Test
    void aDeliveryLookedUpBeforeTheClaim_reachingTheOldNodeAfterItLetGo_isHandedOnOnce() {
        Moved moved = annMovedFromAToB();
        deliver("a", "u", "ann", "u:ann", moved.before().user(), 1);
        await().until(() -> late(moved.ann()), n -> n.equals(List.of(1)));
    }

    @Test
    void aDeliveryLookedUpAfterTheClaim_isNotDeliveredOnTheOldNode_theNewNodeGotIt() {
        Moved moved = annMovedFromAToB();
        deliver("a", "u", "ann", "u:ann", moved.after().user(), 1);
        deliver("a", "u", "ann", "u:ann", moved.before().user(), 2); // handed on the same way as 1 would be
        await().until(() -> late(moved.ann()), n -> n.contains(2));
        assertThat(late(moved.ann())).containsExactly(2);
    }

    @Test
    void aDeliveryLookedUpBeforeTheClaim_isSkippedOnTheNewNode_theOldNodeHandsItOn() {
        Moved moved = annMovedFromAToB();
        deliver("b", "u", "ann", "u:ann", moved.before().user(), 1);
        deliver("b", "u", "ann", "u:ann", moved.after().user(), 2);
        await().until(() -> late(moved.ann()), n -> n.contains(2));
        assertThat(late(moved.ann())).containsExactly(2);
    }

    @Test
    void aGroupDeliveryLookedUpBeforeTheClaim_reachesTheMovedMemberOnce_andTheOthersAsUsual() {
        Moved moved = annMovedFromAToB();
        deliver("a", "g", "r1", "g:r1", moved.before().room(), 1);
        await().until(() -> late(moved.ann()), n -> n.equals(List.of(1)));
        await().until(() -> late(moved.bob()), n -> n.equals(List.of(1)));
    }

    @Test
    void aGroupDeliveryLookedUpAfterTheClaim_reachesTheMovedMemberOnItsNewNode() {
        Moved moved = annMovedFromAToB();
        deliver("b", "g", "r1", "g:r1", moved.after().room(), 1);
        deliver("a", "g", "r1", "g:r1", moved.after().room(), 1);
        await().until(() -> late(moved.bob()), n -> n.equals(List.of(1)));
        await().until(() -> late(moved.ann()), n -> n.equals(List.of(1)));
        deliver("a", "g", "r1", "g:r1", moved.before().room(), 2); // after 1 on Ann's way: a hands it on
        await().until(() -> late(moved.ann()), n -> n.contains(2));
        assertThat(late(moved.ann())).containsExactly(1, 2);
    }

    @Test
    void aSendToAllOnTheSharedChannel_reachesTheMovedConnectionOnce_whenLookedUpBeforeOrAfterTheClaim() {
        Moved moved = annMovedFromAToB();
        deliver("all", "a", "", "a", moved.before().all(), 1); // node a hands it on, node b skips her
        deliver("all", "a", "", "a", moved.after().all(), 2); // node b delivers, node a does not
        await().until(() -> late(moved.bob()), n -> n.equals(List.of(1, 2)));
        await().until(() -> late(moved.ann()), n -> n.contains(2) && n.contains(1));
        assertThat(late(moved.ann())).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void aDeliveryWithoutStamp_aPushHandedOn_isDeliveredAsItIs() {
        Moved moved = annMovedFromAToB();
        publish(keys.channel("b"), "{\"op\":\"c\",\"from\":\"a\",\"t\":[\"" + moved.annId()
                + "\"]}\n{\"type\":\"late\",\"n\":1}");
        await().until(() -> late(moved.ann()), n -> n.equals(List.of(1)));
    }
}
