package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What every failover test states: two nodes, ann on node a (bound to uid {@code ann}), bob on node b (in group
 * {@code room}); Redis's primary is killed. Local traffic never stops; cross-node sends resume by themselves; the
 * membership written before the kill is still there afterwards. A notice published before the receiving node
 * subscribed on the new primary is lost (pub/sub is at most once), so the senders retry until one arrives.
 */
final class FailoverCheck {

    /** Kills Redis's primary. */
    interface Kill {
        /** @throws Exception when it cannot */
        void run() throws Exception;
    }

    private FailoverCheck() {
    }

    /**
     * @param config the nodes' configuration, on the Redis whose primary dies
     * @param kill kills it
     * @param within how long routing may take to come back
     * @param redisNow what Redis looks like now (roles, subscriptions), for the message of a failed check
     * @return milliseconds from the kill to cross-node routing restored both ways
     * @throws Exception when the kill fails
     */
    static long run(ClusterConfig config, Kill kill, Duration within, Supplier<String> redisNow) throws Exception {
        try (Nodes nodes = new Nodes(config)) {
            Nodes.Node a = nodes.start("a");
            Nodes.Node b = nodes.start("b");
            TestClient ann = nodes.connect(a);
            TestClient bob = nodes.connect(b);
            String annId = nodes.id(ann);
            String bobId = nodes.id(bob);
            a.gateway().bindUid(annId, "ann");
            b.gateway().joinGroup(bobId, "room");
            await().atMost(Duration.ofSeconds(15)).until(() -> a.gateway().getClientIdCountByGroup("room") == 1
                    && b.gateway().isUidOnline("ann"));

            kill.run();
            long killed = System.nanoTime();

            assertThat(a.gateway().sendToClient(annId, "local-during")).as("local traffic needs no Redis").isEqualTo(1);
            ann.awaitText("local-during");
            try {
                await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> {
                    attempt(() -> b.gateway().sendToUid("ann", "to-ann-after"));
                    attempt(() -> a.gateway().sendToGroup("room", "to-room-after"));
                    return ann.received().contains("to-ann-after") && bob.received().contains("to-room-after");
                });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("cross-node routing not restored within " + within.toSeconds()
                        + " s: b -> ann (node a) " + ann.received().contains("to-ann-after") + ", a -> bob (node b) "
                        + bob.received().contains("to-room-after") + "; Redis now: " + redisNow.get(), e);
            }
            long restored = (System.nanoTime() - killed) / 1_000_000;

            await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
                assertThat(b.gateway().getAllClientIdList()).containsExactlyInAnyOrder(annId, bobId);
                assertThat(b.gateway().getClientIdByUid("ann")).containsExactly(annId);
                assertThat(a.gateway().getClientIdListByGroup("room")).containsExactly(bobId);
            });
            return restored;
        }
    }

    /** A send during the failover may be refused (ClusterUnavailableException): the caller is told, and retries. */
    private static void attempt(Runnable send) {
        try {
            send.run();
        } catch (ClusterUnavailableException | IllegalStateException refused) {
            // Redis refused it or was unreachable: nothing was sent
        }
    }
}
