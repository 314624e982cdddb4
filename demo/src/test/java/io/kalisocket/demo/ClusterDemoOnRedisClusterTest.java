package io.kalisocket.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.cluster.ClusterConfig;
import io.kalisocket.cluster.LocalRedisCluster;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.RequiredService;
import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 21's "done when": two demo processes started with {@code --redis redis-cluster://127.0.0.1:P1,...} on a Redis
 * Cluster of the test's own (3 primaries, 3 replicas) act as one chat exactly as on one Redis ({@link ChatAcrossNodes}),
 * and keep doing so after the primary that holds the nodes' keys is killed and its replica promoted.
 */
class ClusterDemoOnRedisClusterTest {

    private static final Logger log = LoggerFactory.getLogger(ClusterDemoOnRedisClusterTest.class);

    /**
     * How long a silent primary is given before its replica takes over: short, so the failover is quick, yet longer
     * than a starved machine's pauses, so that no primary is failed over before the kill.
     */
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(2);
    /** Failure detection, promotion, and the nodes' clients finding the new primary, on a loaded machine. */
    private static final Duration FAILOVER = Duration.ofSeconds(90);
    /** How long the test's client waits for the answer to a try before it tries again. */
    private static final Duration RETRY = Duration.ofSeconds(5);

    @Test
    void twoDemoProcessesOnARedisCluster_actAsOneChat_beforeAndAfterAPrimaryIsKilled() throws Exception {
        RequiredService.redisServer().require();
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        try (LocalRedisCluster redis = LocalRedisCluster.start(NODE_TIMEOUT);
                DemoNodes nodes = DemoNodes.start(redis.uri(), run)) {
            new ChatAcrossNodes(nodes, run).everything();

            try (TestClient ann = TestClient.connect(nodes.one().port(), "uid=ann" + run);
                    TestClient bob = TestClient.connect(nodes.two().port(), "uid=bob" + run)) {
                DemoServers.clientId(ann);
                DemoServers.clientId(bob);
                ClusterConfig config = ClusterConfig.of(redis.uri()); // the demo's: the default key prefix
                int primary = redis.primaryOf(config);
                redis.kill(primary);
                long killed = System.nanoTime();

                int attempts = awaitPrivateMessagesAcross(nodes, ann, bob, run);
                log.info("Redis Cluster primary {} killed: demo's cross-node private messages back after {} ms ({} tries)",
                        primary, (System.nanoTime() - killed) / 1_000_000, attempts);
                // private messages need not wait for it (users are in slots of their own): the promotion may come later
                await("its replica, promoted").atMost(FAILOVER).ignoreExceptions()
                        .until(() -> redis.primaryOf(config) != primary);
            }
            redis.awaitHealthy();
            ChatAcrossNodes afterTheKill = new ChatAcrossNodes(nodes, run + "k");
            try {
                afterTheKill.awaitNothingLeftBehind(); // the stats step counts arrivals from there
                afterTheKill.everything();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\nwhat the nodes printed last:\n" + nodes.output(), e);
            }
        }
    }

    /**
     * Sends in the window may fail (code 500, or delivered to no one), or be acknowledged and then dropped (the
     * receipt's dedup check needs Redis): Ann tries again once she has the answer to her last try, or after
     * {@link #RETRY} without one, as a client would, until Bob gets one.
     *
     * @return how many tries it took
     */
    private static int awaitPrivateMessagesAcross(DemoNodes nodes, TestClient ann, TestClient bob, String run) {
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<String> pending = new AtomicReference<>();
        AtomicLong sentAt = new AtomicLong();
        try {
            await().atMost(FAILOVER).pollInterval(Duration.ofMillis(250)).until(() -> {
                String last = pending.get();
                if (last == null || !ann.receivedJson(reply(last)).isEmpty()
                        || System.nanoTime() - sentAt.get() > RETRY.toNanos()) {
                    String msgid = "k" + attempts.incrementAndGet() + run;
                    pending.set(msgid);
                    sentAt.set(System.nanoTime());
                    ann.send("{\"ct\":\"user\",\"ac\":\"send\",\"to\":\"bob" + run
                            + "\",\"text\":\"after the kill\",\"msgid\":\"" + msgid + "\"}");
                }
                return !bob.receivedJson(Json.type("private").and(Json.field("from", "ann" + run))).isEmpty();
            });
            return attempts.get();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no private message across nodes since the kill; Ann received " + ann.received()
                    + "\n" + nodes.output(), e);
        }
    }

    private static Predicate<JsonNode> reply(String msgid) {
        return n -> n.has("code") && msgid.equals(n.path("msgid").asText());
    }
}
