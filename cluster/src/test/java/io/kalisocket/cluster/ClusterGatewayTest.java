package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.gateway.Gateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@link Gateway} operation across three nodes in this JVM (each a full server on its own port) with
 * clients spread over them: whichever node is asked, the answer is the cluster's.
 */
class ClusterGatewayTest {

    private Nodes nodes;
    private Nodes.Node a;
    private Nodes.Node b;
    private Nodes.Node c;

    @BeforeEach
    void startThreeNodes() {
        RedisForTests.require();
        nodes = new Nodes(ClusterConfig.of(RedisForTests.URI).withKeyPrefix(RedisForTests.freshPrefix()));
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
        assertThat(onA.awaitReply("hello")).isEqualTo("{\"hello\":1}");
        assertThat(onB.awaitReply("hello")).isEqualTo("{\"hello\":1}");
        for (Gateway g : everyNode()) {
            assertThat(g.getClientIdByUid("alice")).containsExactlyInAnyOrder(onA.id(), onB.id());
            assertThat(g.isUidOnline("alice")).isTrue();
            assertThat(g.getUidByClientId(onB.id())).contains("alice");
            assertThat(g.getAllUidList()).containsExactly("alice");
            assertThat(g.getAllUidCount()).isEqualTo(1);
        }

        a.gateway().unbindUid(onB.id(), "alice");
        awaitEveryNode(g -> g.getClientIdByUid("alice").equals(List.of(onA.id())));
        await().until(() -> b.server().gateway().getUidByClientId(onB.id()).isEmpty());
        assertThat(b.gateway().sendToUid("alice", "only-a")).isEqualTo(1);
        assertThat(onA.awaitReply("only-a")).isEqualTo("only-a");
    }

    @Test
    void sendToGroup_groupOf300OverThreeNodes_getsEachMessageOnceInOrder() {
        List<TestClient> members = IntStream.range(0, 300).parallel()
                .mapToObj(i -> connect(List.of(a, b, c).get(i % 3))).toList();
        for (TestClient m : members) {
            a.gateway().joinGroup(m.id(), "big"); // two thirds are joined from another node
        }
        awaitEveryNode(g -> g.getClientIdCountByGroup("big") == 300);

        for (int seq = 0; seq < 20; seq++) {
            assertThat(b.gateway().sendToGroup("big", Map.of("seq", seq))).isEqualTo(300);
        }
        List<String> expected = IntStream.range(0, 20).mapToObj(i -> "{\"seq\":" + i + "}").toList();
        for (TestClient m : members) {
            await().atMost(Duration.ofSeconds(15)).until(() -> m.messages("seq").size() >= 20);
            assertThat(m.messages("seq")).containsExactlyElementsOf(expected);
        }
        for (Gateway g : everyNode()) {
            assertThat(g.getClientIdListByGroup("big")).containsExactlyInAnyOrderElementsOf(
                    members.stream().map(TestClient::id).toList());
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
        c.gateway().bindUid(a1.id(), "u1");
        c.gateway().bindUid(b1.id(), "u2");
        a.gateway().joinGroup(b1.id(), "room");
        a.gateway().joinGroup(c1.id(), "room");
        b.gateway().joinGroup(a1.id(), "room");
        b.gateway().joinGroup(b2.id(), "other");
        awaitEveryNode(g -> g.getAllClientIdCount() == 4);

        for (Gateway g : everyNode()) {
            assertThat(g.getAllClientIdList()).containsExactlyInAnyOrder(a1.id(), b1.id(), b2.id(), c1.id());
            assertThat(g.isOnline(b2.id())).isTrue();
            assertThat(g.getAllUidList()).containsExactly("u1", "u2");
            assertThat(g.getClientIdCountByGroup("room")).isEqualTo(3);
            assertThat(g.getUidListByGroup("room")).containsExactly("u1", "u2");
            assertThat(g.getUidCountByGroup("room")).isEqualTo(2);
            assertThat(g.getAllGroupIdList()).containsExactly("other", "room");
            assertThat(g.getAllGroupClientIdCount()).isEqualTo(Map.of("room", 3, "other", 1));
            assertThat(g.getAllGroupUidList()).isEqualTo(Map.of("room", Set.of("u1", "u2"), "other", Set.of()));
            assertThat(g.getAllGroupUidCount()).isEqualTo(Map.of("room", 2, "other", 0));
        }

        c.gateway().leaveGroup(b1.id(), "room");
        awaitEveryNode(g -> g.getClientIdCountByGroup("room") == 2);
        a.gateway().ungroup("room");
        awaitEveryNode(g -> g.getAllGroupIdList().equals(Set.of("other")));
        assertThat(b.gateway().sendToGroup("room", "nobody")).isZero();

        b2.close();
        awaitEveryNode(g -> g.getAllClientIdCount() == 3 && g.getAllGroupIdList().isEmpty());
        assertThat(a.gateway().isOnline(b2.id())).isFalse();
    }

    @Test
    void sessions_writtenOnOneNode_readOnAnother_andOnTheOwner() {
        TestClient b1 = connect(b);
        Map<String, Object> session = new HashMap<>(Map.of("name", "bob", "level", 3));
        a.gateway().setSession(b1.id(), session);
        for (Gateway g : everyNode()) {
            await().until(() -> g.getSession(b1.id()).orElseThrow().equals(Map.of("name", "bob", "level", 3)));
        }
        Map<String, Object> update = new HashMap<>();
        update.put("level", 4);
        update.put("name", null);
        c.gateway().updateSession(b1.id(), update);
        for (Gateway g : everyNode()) {
            await().until(() -> g.getSession(b1.id()).orElseThrow().equals(Map.of("level", 4)));
        }
        assertThat(a.gateway().getAllClientSessions()).isEqualTo(Map.of(b1.id(), Map.of("level", 4)));
        a.gateway().joinGroup(b1.id(), "s");
        assertThat(c.gateway().getClientSessionsByGroup("s")).isEqualTo(Map.of(b1.id(), Map.of("level", 4)));
        assertThat(a.gateway().getSession("b-0-404")).isEmpty();
    }

    @Test
    void sendToClient_closeClient_sendToClients_sendToAll_acrossNodes() {
        TestClient a1 = connect(a);
        TestClient b1 = connect(b);
        TestClient c1 = connect(c);
        awaitEveryNode(g -> g.getAllClientIdCount() == 3);

        assertThat(a.gateway().sendToClient(b1.id(), "direct")).isEqualTo(1);
        assertThat(b1.awaitReply("direct")).isEqualTo("direct");
        assertThat(a.gateway().sendToClients(List.of(a1.id(), b1.id(), c1.id()), "many")).isEqualTo(3);
        List.of(a1, b1, c1).forEach(cl -> assertThat(cl.awaitReply("many")).isEqualTo("many"));
        assertThat(c.gateway().sendToAll("everyone", a1.id())).isEqualTo(2);
        assertThat(b1.awaitReply("everyone")).isEqualTo("everyone");
        assertThat(c1.awaitReply("everyone")).isEqualTo("everyone");

        a.gateway().closeClient(c1.id(), "bye");
        assertThat(c1.awaitReply("bye")).isEqualTo("bye");
        awaitEveryNode(g -> !g.isOnline(c1.id()) && g.getAllClientIdCount() == 2);
        assertThat(b.gateway().sendToClient(c1.id(), "late")).isZero();
        assertThat(a1.messages("everyone")).isEmpty();
    }
}
