package io.kalisocket.cluster;

import io.kalisocket.gateway.Gateway;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's presence: a heartbeat key with a TTL, renewed every interval; the search for nodes whose key
 * expired, and the removal of their connections (one survivor at a time, under a lock); and the
 * re-announcement of this node's whole local state whenever Redis turns out to have lost it (a restart,
 * a failover to an empty replica, or survivors that took this node for dead during a long pause).
 */
final class NodeLiveness {

    private static final Logger log = LoggerFactory.getLogger(NodeLiveness.class);

    private final RedisLink redis;
    private final Keys keys;
    private final String self;
    private final String token = UUID.randomUUID().toString();
    private final ClusterConfig config;
    private final Membership membership;
    private final LocalWatcher watcher;
    private final Gateway local;
    private final ClusterStats stats;
    private final AnnounceFence fence;
    /** Set from Lettuce's threads: Redis was reconnected or failed over, and may have lost this node's writes. */
    private final AtomicBoolean reconnected = new AtomicBoolean();
    /**
     * An announcement owed (cluster thread only): cleared once one succeeded, so that a tick failing before or during
     * it (a Redis Cluster still failing over answers CLUSTERDOWN) leaves it to the next tick, which would otherwise
     * find the heartbeat key renewed and Redis seemingly whole.
     */
    private boolean announceOwed;

    NodeLiveness(RedisLink redis, Keys keys, String self, ClusterConfig config, Membership membership,
            LocalWatcher watcher, Gateway local, ClusterStats stats, AnnounceFence fence) {
        this.fence = fence;
        this.redis = redis;
        this.keys = keys;
        this.self = self;
        this.config = config;
        this.membership = membership;
        this.watcher = watcher;
        this.local = local;
        this.stats = stats;
    }

    /** Announces the node; fails when a live node already uses its id. */
    void start() {
        long ttl = config.heartbeatKeyTtl().toMillis();
        String ok = redis.await("announce node", redis.async().set(keys.alive(self), token, SetArgs.Builder.nx().px(ttl)));
        if (!"OK".equals(ok)) {
            throw new IllegalStateException("node id '" + self + "' is in use by a live node of the cluster at "
                    + redis.where() + "; give this node another server.node-id, or wait " + config.heartbeatKeyTtl()
                    .toSeconds() + " s if a previous run of it was killed");
        }
        announce();
    }

    /** Makes the next tick re-announce: after a reconnection Redis may be a promoted replica missing recent writes. */
    void reconnected() {
        reconnected.set(true);
    }

    /**
     * Renews the heartbeat, re-announces when Redis forgot this node or was reconnected (until an announcement
     * succeeds), cleans up dead nodes.
     */
    void tick() {
        if (reconnected.getAndSet(false)) {
            announceOwed = true;
        }
        long ttl = config.heartbeatKeyTtl().toMillis();
        String previous = redis.await("heartbeat", redis.async().setGet(keys.alive(self), token, SetArgs.Builder.px(ttl)));
        if (!token.equals(previous)) {
            if (previous != null) {
                log.error("another process uses node id '{}': client ids and routing will collide", self);
            }
            log.warn("Redis at {} had lost this node's state: announcing its {} connections again", redis.where(),
                    local.getAllClientIdList().size());
            announceOwed = true;
        }
        if (announceOwed) {
            announce();
            announceOwed = false;
        }
        redis.await("heartbeat", redis.async().sadd(keys.nodes(), self));
        cleanDeadNodes();
    }

    /** Forgets this node: its connections, memberships and heartbeat. */
    void stop() {
        List<String> mine = List.copyOf(redis.await("leave", redis.async().smembers(keys.clients(self))));
        membership.drop(self, mine, false);
        redis.await("leave", redis.async().del(keys.alive(self), keys.clients(self)));
        redis.await("leave", redis.async().srem(keys.nodes(), self));
    }

    private void announce() {
        fence.announce(this::writeLocalState);
    }

    /** Makes Redis hold exactly this node's connections, with their uids, groups and sessions. */
    private void writeLocalState() {
        List<String> open = local.getAllClientIdList();
        Set<String> openSet = new HashSet<>(open);
        List<String> stale = new ArrayList<>();
        for (String id : redis.await("announce", redis.async().smembers(keys.clients(self)))) {
            if (!openSet.contains(id)) {
                stale.add(id);
            }
        }
        membership.drop(self, stale, false);
        membership.register(open);
        List<CompletableFuture<Long>> writes = new ArrayList<>();
        for (String id : open) {
            local.getUidByClientId(id).ifPresent(uid -> writes.add(membership.bind(id, uid)));
            local.getSession(id).filter(s -> !s.isEmpty())
                    .ifPresent(s -> writes.add(membership.session(id, true, s)));
        }
        for (Map.Entry<String, List<String>> group : local.getAllGroupClientIdList().entrySet()) {
            for (String id : group.getValue()) {
                writes.add(membership.join(id, group.getKey()));
            }
        }
        writes.forEach(w -> redis.await("announce", w));
        redis.await("announce", redis.async().sadd(keys.nodes(), self));
        watcher.reset(open);
        stats.announced();
    }

    private void cleanDeadNodes() {
        Set<String> nodes = redis.await("find dead nodes", redis.async().smembers(keys.nodes()));
        Map<String, CompletableFuture<Long>> alive = new java.util.HashMap<>();
        for (String node : nodes) {
            if (!node.equals(self)) {
                alive.put(node, redis.async().exists(keys.alive(node)).toCompletableFuture());
            }
        }
        for (Map.Entry<String, CompletableFuture<Long>> e : alive.entrySet()) {
            if (redis.await("find dead nodes", e.getValue()) == 0L) {
                purge(e.getKey());
            }
        }
    }

    private void purge(String node) {
        String lock = redis.await("lock dead node", redis.async().set(keys.cleanup(node), self,
                SetArgs.Builder.nx().px(config.nodeTtl().toMillis())));
        if (!"OK".equals(lock)) {
            return; // another survivor is on it
        }
        List<String> ids = List.copyOf(redis.await("purge dead node", redis.async().smembers(keys.clients(node))));
        if (membership.drop(node, ids, true)) {
            Long done = redis.await("purge dead node", redis.<Long>runOn(Script.FINISH_PURGE, ScriptOutputType.INTEGER,
                    new String[] {keys.alive(node), keys.clients(node)}));
            if (done == 1L) {
                redis.await("purge dead node", redis.async().srem(keys.nodes(), node));
                stats.purgedNode();
                log.warn("node {} stopped renewing its heartbeat: its {} connections were removed", node, ids.size());
            }
        }
        redis.async().del(keys.cleanup(node));
    }
}
