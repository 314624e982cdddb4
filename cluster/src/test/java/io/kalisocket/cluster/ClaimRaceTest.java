package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.RunningServer;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.RequiredService;
import io.kalisocket.testing.TestClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries that race a claim (docs/RECOVERY.md §7, docs/CLUSTER.md "Node channels"): a send's script routes it,
 * then the sending node publishes it to each node's channel, so a delivery can reach a node after a claim it was
 * routed before, or before the {@code moved} notice of a claim it was routed after. Each carries the claims as they
 * stood at its target ({@link RouteStamp}); staged here by publishing stamped deliveries straight to the channels of
 * the node a client left (a) and the node it returned to (b): the connection gets each exactly once, on one side.
 */
class ClaimRaceTest {

    private RecoveryNodes nodes;

    @AfterEach
    void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    /**
     * Ann (recoverable, room r1) and Bob (room r1) on node a, Ann's socket dropped and back on node b; node a has let
     * her connection go.
     *
     * @param before the stamps of nodes a and b just before the claim
     * @param after the same, just after it
     */
    private record Moved(RunningServer a, RunningServer b, TestClient ann, TestClient bob, String annId,
            Stamps before, Stamps after) {
    }

    /** @param awayFromA {@code ks:away:a} @param claimsOfB {@code ks:claims:b} */
    private record Stamps(long awayFromA, long claimsOfB) {
    }

    private Moved annMovedFromAToB() {
        RequiredService.redis().require();
        nodes = new RecoveryNodes();
        RunningServer a = nodes.start("a");
        RunningServer b = nodes.start("b");
        TestClient ann = nodes.open(a, "recover=1&uid=ann&room=r1");
        JsonNode recovery = ann.awaitJson(1).get(0);
        String annId = recovery.get("client_id").asText();
        TestClient bob = nodes.open(a, "room=r1");
        await().until(() -> b.gateway().getClientIdCountByGroup("r1") == 2);
        ann.abort();
        await().until(() -> "1".equals(nodes.redis().hget(nodes.key("r:" + annId), "parked")));
        Stamps before = stamps();
        TestClient back = nodes.open(b, "resume=" + recovery.get("token").asText() + "&epoch="
                + recovery.get("epoch").asText() + "&last=0");
        assertThat(back.awaitJson(1).get(0).get("recovered").asBoolean()).isTrue();
        await("node a let her go").until(() -> !nodes.redis().sismember(nodes.key("n:a:clients"), annId)
                && nodes.redis().scard(nodes.key("mf:a")) == 0);
        return new Moved(a, b, back, bob, annId, before, stamps());
    }

    private Stamps stamps() {
        return new Stamps(counter("away:a"), counter("claims:b"));
    }

    private long counter(String name) {
        String value = nodes.redis().get(nodes.key(name));
        return value == null ? 0 : Long.parseLong(value);
    }

    /** Publishes a delivery to a node's channel as a sending node would, with the stamp given. */
    private void deliver(String node, String op, String target, long claims, long away, int n) {
        nodes.redis().publish(nodes.key("ch:" + node), "{\"op\":\"" + op + "\",\"from\":\"x\",\"t\":[\"" + target
                + "\"],\"cl\":" + claims + ",\"aw\":" + away + "}\n{\"type\":\"late\",\"n\":" + n + "}");
    }

    private static List<Integer> late(TestClient client) {
        return client.receivedJson(Json.type("late")).stream().map(f -> f.get("n").asInt()).toList();
    }

    @Test
    void aDeliveryRoutedToTheOldNodeBeforeTheClaim_arrivingAfterItLetGo_isHandedOnOnce() {
        Moved moved = annMovedFromAToB();
        deliver("a", "u", "ann", 0, moved.before().awayFromA(), 1);
        await().until(() -> late(moved.ann()), n -> n.equals(List.of(1)));
    }

    @Test
    void aDeliveryRoutedToTheOldNodeAfterTheClaim_isNotDeliveredThere_theNewNodeGotIt() {
        Moved moved = annMovedFromAToB();
        deliver("a", "u", "ann", 0, moved.after().awayFromA(), 1);
        deliver("a", "u", "ann", 0, moved.before().awayFromA(), 2); // handed on the same way as 1 would be
        await().until(() -> late(moved.ann()), n -> n.contains(2));
        assertThat(late(moved.ann())).containsExactly(2);
    }

    @Test
    void aDeliveryRoutedToTheNewNodeBeforeTheClaim_isSkippedThere_theOldNodeHandsItOn() {
        Moved moved = annMovedFromAToB();
        deliver("b", "u", "ann", moved.before().claimsOfB(), 0, 1);
        deliver("b", "u", "ann", moved.after().claimsOfB(), 0, 2);
        await().until(() -> late(moved.ann()), n -> n.contains(2));
        assertThat(late(moved.ann())).containsExactly(2);
    }

    @Test
    void aGroupDeliveryRoutedBeforeTheClaim_reachesTheMovedMemberOnce_andTheOthersAsUsual() {
        Moved moved = annMovedFromAToB();
        deliver("a", "g", "r1", 0, moved.before().awayFromA(), 1);
        await().until(() -> late(moved.ann()), n -> n.equals(List.of(1)));
        await().until(() -> late(moved.bob()), n -> n.equals(List.of(1)));
    }

    @Test
    void aDeliveryWithoutStamp_aPushHandedOn_isDeliveredAsItIs() {
        Moved moved = annMovedFromAToB();
        nodes.redis().publish(nodes.key("ch:b"), "{\"op\":\"c\",\"from\":\"a\",\"t\":[\"" + moved.annId()
                + "\"]}\n{\"type\":\"late\",\"n\":1}");
        await().until(() -> late(moved.ann()), n -> n.equals(List.of(1)));
    }
}
