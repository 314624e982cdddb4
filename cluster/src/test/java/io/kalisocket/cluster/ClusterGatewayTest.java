package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.KaliServer;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every {@link Gateway} operation across three nodes in this JVM (each a full server on its own port) with
 * clients spread over them: whichever node is asked, the answer is the cluster's.
 */
@ParameterizedClass
@EnumSource(RedisKind.class)
@ExtendWith(RedisTargets.class)
class ClusterGatewayTest {

    @Parameter
    RedisKind kind;

    private Nodes nodes;
    private Nodes.Node a;
    private Nodes.Node b;
    private Nodes.Node c;

    @BeforeEach
    void startThreeNodes(RedisTargets.Targets redis) {
        nodes = new Nodes(ClusterConfig.of(redis.uri(kind)).withKeyPrefix(RedisForTests.freshPrefix()));
        a = nodes.start("a");
        b = nodes.start("b");
        c = nodes.start("c");
    }

    @AfterEach
    void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    private TestClient connect(Nodes.Node node) {
        return nodes.connect(node);
    }

    private List<Gateway> everyNode() {
        return List.of(a.gateway(), b.gateway(), c.gateway());
    }

    private void awaitEveryNode(java.util.function.Predicate<Gateway> condition) {
        await().atMost(Duration.ofSeconds(15)).until(() -> everyNode().stream().allMatch(condition));
    }

    @Test
    @SuppressWarnings("unchecked")
    void status_listsEveryLiveNode() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            java.util.Map<String, Object> status = a.cluster().status();
            org.assertj.core.api.Assertions.assertThat(status).containsEntry("redis_up", true);
            org.assertj.core.api.Assertions.assertThat((java.util.Set<String>) status.get("nodes"))
                    .containsAll(List.of(a.server().nodeId(), b.server().nodeId(), c.server().nodeId()));
        });
    }

    @Test
    void sendToUid_reachesTheUsersConnectionsOnEveryNode_andCountsThem() {
        TestClient onA = connect(a);
        TestClient onB = connect(b);
        onA.send("{\"ct\":\"probe\",\"ac\":\"login\",\"uid\":\"alice\"}");
        onB.send("{\"ct\":\"probe\",\"ac\":\"login\",\"uid\":\"alice\"}");
        awaitEveryNode(g -> g.getClientIdByUid("alice").size() == 2);

        assertThat(c.gateway().sendToUid("alice", Map.of("hello", 1))).isEqualTo(2);
        onA.awaitText("{\"hello\":1}");
        onB.awaitText("{\"hello\":1}");
        for (Gateway g : everyNode()) {
            assertThat(g.getClientIdByUid("alice")).containsExactlyInAnyOrder(nodes.id(onA), nodes.id(onB));
            assertThat(g.isUidOnline("alice")).isTrue();
            assertThat(g.getUidByClientId(nodes.id(onB))).contains("alice");
            assertThat(g.getAllUidList()).containsExactly("alice");
            assertThat(g.getAllUidCount()).isEqualTo(1);
        }

        a.gateway().unbindUid(nodes.id(onB), "alice");
        awaitEveryNode(g -> g.getClientIdByUid("alice").equals(List.of(nodes.id(onA))));
        await().until(() -> b.server().gateway().getUidByClientId(nodes.id(onB)).isEmpty());
        assertThat(b.gateway().sendToUid("alice", "only-a")).isEqualTo(1);
        onA.awaitText("only-a");
    }

    @Test
    void sendToGroup_groupOf300OverThreeNodes_getsEachMessageOnceInOrder() {
        List<TestClient> members = IntStream.range(0, 300).parallel()
                .mapToObj(i -> connect(List.of(a, b, c).get(i % 3))).toList();
        for (TestClient m : members) {
            a.gateway().joinGroup(nodes.id(m), "big"); // two thirds are joined from another node
        }
        awaitEveryNode(g -> g.getClientIdCountByGroup("big") == 300);

        for (int seq = 0; seq < 20; seq++) {
            assertThat(b.gateway().sendToGroup("big", Map.of("seq", seq))).isEqualTo(300);
        }
        List<Integer> expected = IntStream.range(0, 20).boxed().toList();
        for (TestClient m : members) {
            List<JsonNode> pushes = m.awaitJson(20, push -> push.has("seq"));
            assertThat(pushes).extracting(push -> push.get("seq").asInt()).containsExactlyElementsOf(expected);
        }
        for (Gateway g : everyNode()) {
            assertThat(g.getClientIdListByGroup("big")).containsExactlyInAnyOrderElementsOf(
                    members.stream().map(nodes::id).toList());
            assertThat(g.getAllClientIdCount()).isEqualTo(300);
            assertThat(g.getAllClientIdList()).hasSize(300);
            assertThat(g.getAllGroupIdList()).containsExactly("big");
            assertThat(g.getAllGroupClientIdCount()).isEqualTo(Map.of("big", 300));
        }
    }

    @Test
    void countsAndListsAgreeFromEveryNode() {
        TestClient a1 = connect(a);
        TestClient b1 = connect(b);
        TestClient b2 = connect(b);
        TestClient c1 = connect(c);
        c.gateway().bindUid(nodes.id(a1), "u1");
        c.gateway().bindUid(nodes.id(b1), "u2");
        a.gateway().joinGroup(nodes.id(b1), "room");
        a.gateway().joinGroup(nodes.id(c1), "room");
        b.gateway().joinGroup(nodes.id(a1), "room");
        b.gateway().joinGroup(nodes.id(b2), "other");
        awaitEveryNode(g -> g.getAllClientIdCount() == 4);

        for (Gateway g : everyNode()) {
            assertThat(g.getAllClientIdList()).containsExactlyInAnyOrder(nodes.id(a1), nodes.id(b1), nodes.id(b2), nodes.id(c1));
            assertThat(g.isOnline(nodes.id(b2))).isTrue();
            assertThat(g.getAllUidList()).containsExactly("u1", "u2");
            assertThat(g.getClientIdCountByGroup("room")).isEqualTo(3);
            assertThat(g.getUidListByGroup("room")).containsExactly("u1", "u2");
            assertThat(g.getUidCountByGroup("room")).isEqualTo(2);
            assertThat(g.getAllGroupIdList()).containsExactly("other", "room");
            assertThat(g.getAllGroupClientIdCount()).isEqualTo(Map.of("room", 3, "other", 1));
            assertThat(g.getAllGroupUidList()).isEqualTo(Map.of("room", Set.of("u1", "u2"), "other", Set.of()));
            assertThat(g.getAllGroupUidCount()).isEqualTo(Map.of("room", 2, "other", 0));
        }

        c.gateway().leaveGroup(nodes.id(b1), "room");
        awaitEveryNode(g -> g.getClientIdCountByGroup("room") == 2);
        a.gateway().ungroup("room");
        awaitEveryNode(g -> g.getAllGroupIdList().equals(Set.of("other")));
        assertThat(b.gateway().sendToGroup("room", "nobody")).isZero();

        b2.close();
        awaitEveryNode(g -> g.getAllClientIdCount() == 3 && g.getAllGroupIdList().isEmpty());
        assertThat(a.gateway().isOnline(nodes.id(b2))).isFalse();
    }

    @Test
    void aGroupDissolvedWhileItsNodeWroteItBack_isRemovedAgainByThatNode() {
        TestClient b1 = connect(b);
        b.gateway().joinGroup(nodes.id(b1), "room");
        awaitEveryNode(g -> g.getAllGroupIdList().contains("room"));
        // As when node b re-announced its groups between a's ungroup and b hearing of it: Redis lists the member
        // again as the notice arrives. Only b, applying the notice, can remove it for good.
        try (RedisLink link = new RedisLink(nodes.config(), () -> { })) {
            Keys keys = Keys.of(nodes.config());
            String notice = new Notice.Codec(KaliServer.defaultMapper(), a.id()).control("ungroup", "", "room");
            link.await("publish", link.publish(keys.channel(b.id()), notice, keys.sharded()));
        }
        awaitEveryNode(g -> g.getAllGroupIdList().isEmpty() && g.getClientIdCountByGroup("room") == 0);
    }

    @Test
    void aNodeAnnouncesItsStateOnce_notOnEveryTopologyRefresh() {
        connect(a);
        // A Redis Cluster's topology refresh opens a connection to every server each second; re-announcing the
        // node's whole state on each of them raced with membership changes (and cost a write per membership).
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> a.gateway().stats().announcements() == 1);
    }

    @Test
    void sessions_writtenOnOneNode_readOnAnother_andOnTheOwner() {
        TestClient b1 = connect(b);
        Map<String, Object> session = new HashMap<>(Map.of("name", "bob", "level", 3));
        a.gateway().setSession(nodes.id(b1), session);
        for (Gateway g : everyNode()) {
            await().until(() -> g.getSession(nodes.id(b1)).orElseThrow().equals(Map.of("name", "bob", "level", 3)));
        }
        Map<String, Object> update = new HashMap<>();
        update.put("level", 4);
        update.put("name", null);
        c.gateway().updateSession(nodes.id(b1), update);
        for (Gateway g : everyNode()) {
            await().until(() -> g.getSession(nodes.id(b1)).orElseThrow().equals(Map.of("level", 4)));
        }
        assertThat(a.gateway().getAllClientSessions()).isEqualTo(Map.of(nodes.id(b1), Map.of("level", 4)));
        a.gateway().joinGroup(nodes.id(b1), "s");
        assertThat(c.gateway().getClientSessionsByGroup("s")).isEqualTo(Map.of(nodes.id(b1), Map.of("level", 4)));
        assertThat(a.gateway().getSession("b-0-404")).isEmpty();
    }

    @Test
    void sendToClient_closeClient_sendToClients_sendToAll_acrossNodes() {
        TestClient a1 = connect(a);
        TestClient b1 = connect(b);
        TestClient c1 = connect(c);
        awaitEveryNode(g -> g.getAllClientIdCount() == 3);

        assertThat(a.gateway().sendToClient(nodes.id(b1), "direct")).isEqualTo(1);
        b1.awaitText("direct");
        assertThat(a.gateway().sendToClients(List.of(nodes.id(a1), nodes.id(b1), nodes.id(c1)), "many")).isEqualTo(3);
        List.of(a1, b1, c1).forEach(cl -> cl.awaitText("many"));
        assertThat(c.gateway().sendToAll("everyone", nodes.id(a1))).isEqualTo(2);
        b1.awaitText("everyone");
        c1.awaitText("everyone");

        a.gateway().closeClient(nodes.id(c1), "bye");
        c1.awaitText("bye");
        awaitEveryNode(g -> !g.isOnline(nodes.id(c1)) && g.getAllClientIdCount() == 2);
        assertThat(b.gateway().sendToClient(nodes.id(c1), "late")).isZero();
        assertThat(a1.received()).doesNotContain("everyone");
    }
}
