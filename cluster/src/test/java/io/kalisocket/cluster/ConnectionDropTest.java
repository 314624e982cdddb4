package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.RequiredService;
import io.kalisocket.testing.TestClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A close is several one-slot steps (docs/CLUSTER.md, "Redis Cluster"): the record is read and marked as dropping,
 * the connection leaves its user's and groups' hashes, then the record goes, then the node's list entry. A step that
 * fails leaves the record, so the watcher's next tick reads it again and finishes: nothing is left behind. Staged on
 * the machine's Redis by giving the user's hash the wrong type for a moment, which makes the user's step fail.
 */
class ConnectionDropTest {

    private final String prefix = RedisForTests.freshPrefix();
    private Nodes nodes;
    private RedisClient client;
    private RedisCommands<String, String> redis;

    @BeforeEach
    void start() {
        RequiredService.redis().require();
        nodes = new Nodes(ClusterConfig.of(RedisForTests.URI).withKeyPrefix(prefix));
        client = RedisClient.create(RedisForTests.URI);
        redis = client.connect().sync();
    }

    @AfterEach
    void stop() {
        if (nodes != null) {
            nodes.close();
        }
        if (redis != null) {
            redis.keys(prefix + "*").forEach(redis::del);
            client.shutdown();
        }
    }

    @Test
    void aCloseWhoseUsersSlotFails_keepsTheRecordForTheRetry_whichLeavesNothingBehind() {
        Nodes.Node a = nodes.start("a");
        TestClient ann = nodes.connect(a);
        String id = nodes.id(ann);
        a.gateway().bindUid(id, "ann");
        a.gateway().joinGroup(id, "room");
        String user = prefix + "uid:ann";
        redis.del(user);
        redis.set(user, "not a hash");

        ann.close();
        await("the drop started").until(() -> "1".equals(redis.hget(prefix + "c:" + id, "x")));
        try (RedisLink link = new RedisLink(nodes.config(), () -> { })) {
            ConnectionRecords records = new ConnectionRecords(link, Keys.of(nodes.config()), "a");
            assertThat(link.await("bind", records.write(Script.BIND, id, "bob")).get(0))
                    .as("no membership write once dropping, not even by its node").isEqualTo(0L);
        }
        assertThat(redis.hget(prefix + "c:" + id, "n")).as("the record, kept for the retry").isEqualTo("a");
        assertThat(redis.sismember(prefix + "n:a", id)).as("and the list entry").isTrue();

        redis.del(user);
        await("the retry finished").until(() -> redis.exists(prefix + "c:" + id, prefix + "cg:" + id) == 0
                && !redis.sismember(prefix + "n:a", id));
        assertThat(a.gateway().getAllUidList()).doesNotContain("ann");
        assertThat(a.gateway().getClientIdCountByGroup("room")).isZero();
        assertThat(a.gateway().getAllGroupIdList()).doesNotContain("room");
        assertThat(a.gateway().getAllClientIdCount()).isZero();
    }
}
