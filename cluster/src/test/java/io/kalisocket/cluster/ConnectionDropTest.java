package io.kalisocket.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A close is several one-slot steps (docs/CLUSTER.md, "Redis Cluster"): the record is read and marked as dropping,
 * the connection leaves its user's and groups' hashes, then the record goes, then the node's list entry. A step that
 * fails leaves the record, so the watcher's next tick reads it again and finishes: nothing is left behind. Staged by
 * giving the user's hash the wrong type for a moment, which makes the user's step fail.
 */
@ParameterizedClass
@EnumSource(RedisKind.class)
@ExtendWith(RedisTargets.class)
class ConnectionDropTest {

    @Parameter
    RedisKind kind;

    private Nodes nodes;
    private Keys keys;
    private RedisView redis;

    @BeforeEach
    void start(RedisTargets.Targets targets) {
        ClusterConfig config = ClusterConfig.of(targets.uri(kind)).withKeyPrefix(RedisForTests.freshPrefix());
        nodes = new Nodes(config);
        keys = Keys.of(config);
        redis = new RedisView(targets.uri(kind));
    }

    @AfterEach
    void stop() {
        if (nodes != null) {
            nodes.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aCloseWhoseUsersSlotFails_keepsTheRecordForTheRetry_whichLeavesNothingBehind() {
        Nodes.Node a = nodes.start("a");
        TestClient ann = nodes.connect(a);
        String id = nodes.id(ann);
        a.gateway().bindUid(id, "ann");
        a.gateway().joinGroup(id, "room");
        String user = keys.uid("ann");
        redis.sync().del(user);
        redis.sync().set(user, "not a hash");

        ann.close();
        await("the drop started").until(() -> "1".equals(redis.sync().hget(keys.client(id), "x")));
        try (RedisLink link = new RedisLink(nodes.config(), () -> { })) {
            ConnectionRecords records = new ConnectionRecords(link, keys, "a");
            assertThat(link.await("bind", records.write(Script.BIND, id, "bob")).get(0))
                    .as("no membership write once dropping, not even by its node").isEqualTo(0L);
        }
        assertThat(redis.sync().hget(keys.client(id), "n")).as("the record, kept for the retry").isEqualTo("a");
        assertThat(redis.sync().sismember(keys.clients("a"), id)).as("and the list entry").isTrue();

        redis.sync().del(user);
        await("the retry finished").until(() -> redis.sync().exists(keys.client(id), keys.clientGroups(id)) == 0
                && !redis.sync().sismember(keys.clients("a"), id));
        assertThat(a.gateway().getAllUidList()).doesNotContain("ann");
        assertThat(a.gateway().getClientIdCountByGroup("room")).isZero();
        assertThat(a.gateway().getAllGroupIdList()).doesNotContain("room");
        assertThat(a.gateway().getAllClientIdCount()).isZero();
    }
}
