package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.TestClient;
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
 * Routing goes only where it must, proven by counting what each node's channel receives, seen by an outside
 * subscriber: a node holding no member gets nothing, sendToAll is one message per send, and local sends
 * publish nothing. On one Redis and on a Redis Cluster (sharded channels).
 */
@ParameterizedClass
@EnumSource(RedisKind.class)
@ExtendWith(RedisTargets.class)
class TargetedRoutingTest {

    @Parameter
    RedisKind kind;

    private Nodes nodes;
    private RedisView redis;
    private ChannelObserver observer;
    private Nodes.Node a;
    private Nodes.Node b;
    private Nodes.Node c;

    @BeforeEach
    void start(RedisTargets.Targets targets) {
        nodes = new Nodes(ClusterConfig.of(targets.uri(kind)).withKeyPrefix(RedisForTests.freshPrefix()));
        redis = new RedisView(targets.uri(kind));
        a = nodes.start("a");
        b = nodes.start("b");
        c = nodes.start("c");
    }

    @AfterEach
    void stop() {
        if (redis != null) {
            redis.close();
        }
        if (nodes != null) {
            nodes.close();
        }
    }

    /** @return an observer of the three nodes' channels and the shared one, listening from now on */
    private ChannelObserver observe() {
        return new ChannelObserver(redis, Keys.of(nodes.config()), "a", "b", "c");
    }

    private TestClient connect(Nodes.Node node) {
        return nodes.connect(node);
    }

    @Test
    void sendToGroup_reachesOnlyNodesHoldingMembers_oncePerNode() {
        List<TestClient> onA = List.of(connect(a), connect(a));
        List<TestClient> onB = List.of(connect(b), connect(b), connect(b));
        TestClient onC = connect(c);
        onA.forEach(m -> a.gateway().joinGroup(nodes.id(m), "room"));
        onB.forEach(m -> b.gateway().joinGroup(nodes.id(m), "room"));
        observer = observe();

        for (int i = 0; i < 10; i++) {
            assertThat(a.gateway().sendToGroup("room", Map.of("n", i))).isEqualTo(5);
        }
        for (TestClient m : onB) {
            assertThat(m.awaitJson(10, push -> push.has("n"))).hasSize(10);
        }
        onA.forEach(m -> assertThat(m.awaitJson(10, push -> push.has("n"))).hasSize(10));
        await().until(() -> observer.received("b") == 10);
        assertThat(observer.received("a")).as("the sender's own members are served without Redis").isZero();
        assertThat(observer.received("c")).as("c holds no member").isZero();
        assertThat(observer.received("all")).isZero();
        assertThat(c.gateway().stats().receivedTotal()).isZero();
        assertThat(b.gateway().stats().received()).isEqualTo(Map.of("g", 10L));
        assertThat(onC.received()).isEmpty();
    }

    @Test
    void sendToUid_reachesOnlyTheNodesOfThatUser() {
        TestClient bob = connect(b);
        connect(a);
        connect(c);
        b.gateway().bindUid(nodes.id(bob), "bob");
        observer = observe();

        assertThat(c.gateway().sendToUid("bob", "hi bob")).isEqualTo(1);
        bob.awaitText("hi bob");
        await().until(() -> observer.received("b") == 1);
        assertThat(observer.total()).isEqualTo(1);
        assertThat(a.gateway().sendToUid("nobody", "lost")).isZero();
        assertThat(c.gateway().sendToClient(nodes.id(bob), "direct")).isEqualTo(1);
        await().until(() -> observer.received("b") == 2);
        assertThat(observer.total()).isEqualTo(2);
    }

    @Test
    void localTargets_publishNothing_andSendToAllIsOneMessagePerSend() {
        TestClient a1 = connect(a);
        TestClient a2 = connect(a);
        TestClient b1 = connect(b);
        a.gateway().bindUid(nodes.id(a2), "local");
        await().until(() -> a.gateway().getAllClientIdCount() == 3);
        observer = observe();

        assertThat(a.gateway().sendToClient(nodes.id(a1), "mine")).isEqualTo(1);
        assertThat(a.gateway().sendToClients(List.of(nodes.id(a1), nodes.id(a2)), "both")).isEqualTo(2);
        assertThat(a.gateway().sendToUid("local", "uid")).isEqualTo(1);
        a2.awaitText("uid");
        a1.awaitText("both");
        for (int i = 0; i < 5; i++) {
            assertThat(c.gateway().sendToAll("all-" + i)).isEqualTo(3);
        }
        for (TestClient t : List.of(a1, a2, b1)) {
            t.awaitText("all-4");
            assertThat(t.received(m -> m.startsWith("all-")))
                    .containsExactly("all-0", "all-1", "all-2", "all-3", "all-4");
        }
        await().until(() -> observer.received("all") == 5);
        assertThat(observer.total()).as("only the five sendToAll messages went through Redis").isEqualTo(5);
    }
}
