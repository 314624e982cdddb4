package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing goes only where it must, proven by counting what each node's channel receives, seen by an outside
 * subscriber: a node holding no member gets nothing, sendToAll is one message per send, and local sends
 * publish nothing.
 */
class TargetedRoutingTest {

    private String prefix;
    private Nodes nodes;
    private ChannelObserver observer;
    private Nodes.Node a;
    private Nodes.Node b;
    private Nodes.Node c;

    @BeforeEach
    void start() {
        RedisForTests.require();
        prefix = RedisForTests.freshPrefix();
        nodes = new Nodes(ClusterConfig.of(RedisForTests.URI).withKeyPrefix(prefix));
        a = nodes.start("a");
        b = nodes.start("b");
        c = nodes.start("c");
    }

    @AfterEach
    void stop() {
        if (observer != null) {
            observer.close();
        }
        if (nodes != null) {
            nodes.close();
        }
    }

    private TestClient connect(Nodes.Node node) {
        return nodes.connect(node);
    }

    @Test
    void sendToGroup_reachesOnlyNodesHoldingMembers_oncePerNode() {
        List<TestClient> onA = List.of(connect(a), connect(a));
        List<TestClient> onB = List.of(connect(b), connect(b), connect(b));
        TestClient onC = connect(c);
        onA.forEach(m -> a.gateway().joinGroup(m.id(), "room"));
        onB.forEach(m -> b.gateway().joinGroup(m.id(), "room"));
        observer = new ChannelObserver(prefix);

        for (int i = 0; i < 10; i++) {
            assertThat(a.gateway().sendToGroup("room", Map.of("n", i))).isEqualTo(5);
        }
        for (TestClient m : onB) {
            await().atMost(Duration.ofSeconds(10)).until(() -> m.messages("\"n\"").size() == 10);
        }
        onA.forEach(m -> assertThat(m.messages("\"n\"")).hasSize(10));
        await().until(() -> observer.received("b") == 10);
        assertThat(observer.received("a")).as("the sender's own members are served without Redis").isZero();
        assertThat(observer.received("c")).as("c holds no member").isZero();
        assertThat(observer.received("all")).isZero();
        assertThat(c.gateway().stats().receivedTotal()).isZero();
        assertThat(b.gateway().stats().received()).isEqualTo(Map.of("g", 10L));
        assertThat(onC.messages()).isEmpty();
    }

    @Test
    void sendToUid_reachesOnlyTheNodesOfThatUser() {
        TestClient bob = connect(b);
        connect(a);
        connect(c);
        b.gateway().bindUid(bob.id(), "bob");
        observer = new ChannelObserver(prefix);

        assertThat(c.gateway().sendToUid("bob", "hi bob")).isEqualTo(1);
        assertThat(bob.awaitReply("hi bob")).isEqualTo("hi bob");
        await().until(() -> observer.received("b") == 1);
        assertThat(observer.total()).isEqualTo(1);
        assertThat(a.gateway().sendToUid("nobody", "lost")).isZero();
        assertThat(c.gateway().sendToClient(bob.id(), "direct")).isEqualTo(1);
        await().until(() -> observer.received("b") == 2);
        assertThat(observer.total()).isEqualTo(2);
    }

    @Test
    void localTargets_publishNothing_andSendToAllIsOneMessagePerSend() {
        TestClient a1 = connect(a);
        TestClient a2 = connect(a);
        TestClient b1 = connect(b);
        a.gateway().bindUid(a2.id(), "local");
        await().until(() -> a.gateway().getAllClientIdCount() == 3);
        observer = new ChannelObserver(prefix);

        assertThat(a.gateway().sendToClient(a1.id(), "mine")).isEqualTo(1);
        assertThat(a.gateway().sendToClients(List.of(a1.id(), a2.id()), "both")).isEqualTo(2);
        assertThat(a.gateway().sendToUid("local", "uid")).isEqualTo(1);
        assertThat(a2.awaitReply("uid")).isEqualTo("uid");
        assertThat(a1.awaitReply("both")).isEqualTo("both");
        for (int i = 0; i < 5; i++) {
            assertThat(c.gateway().sendToAll("all-" + i)).isEqualTo(3);
        }
        for (TestClient t : List.of(a1, a2, b1)) {
            await().until(() -> t.messages("all-").size() == 5);
            assertThat(t.messages("all-")).containsExactly("all-0", "all-1", "all-2", "all-3", "all-4");
        }
        await().until(() -> observer.received("all") == 5);
        assertThat(observer.total()).as("only the five sendToAll messages went through Redis").isEqualTo(5);
    }
}
